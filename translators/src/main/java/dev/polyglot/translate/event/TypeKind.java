package dev.polyglot.translate.event;

/** The shape of a {@link TypePlan}; scalars refine it with {@link TypePlan#scalar()}. */
public enum TypeKind {
  BOOL,
  /** Every integer kind; see {@link TypePlan#min()}/{@link TypePlan#max()}. */
  INTEGER,
  /** double and float. */
  FLOATING,
  STRING,
  BINARY,
  UUID,
  ENUM,
  STRUCT,
  LIST,
  SET,
  MAP
}
