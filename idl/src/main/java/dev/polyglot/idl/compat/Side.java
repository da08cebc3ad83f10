package dev.polyglot.idl.compat;

/** Which end of a bridged call a definition belongs to. */
public enum Side {
  /** The service the caller speaks. */
  CALLER,
  /** The service the gateway forwards to. */
  BACKEND
}
