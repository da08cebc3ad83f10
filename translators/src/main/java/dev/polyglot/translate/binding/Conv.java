package dev.polyglot.translate.binding;

import dev.polyglot.translate.event.EnumPlan;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TypePlan;

/**
 * One compiled step of a value conversion, oriented from a source side to a target side (a request
 * runs caller → backend, a reply backend → caller). {@link Remapper} interprets it with switches on
 * {@link #kind} and array reads; nothing here is looked up by name at call time.
 *
 * <p>Design note: struct conversions may be recursive ({@code struct Node { 1: list<Node> kids }}),
 * so a STRUCT node is created first and its arrays are filled in afterwards by {@link ConvCompiler}
 * before the graph is published; after that no node changes and nodes are shared between threads.
 */
final class Conv {
  /** Same value event, no check (identity or widening). */
  static final int PASS = 0;
  /** An integer toward a narrower kind: range-checked against {@link #targetType}. */
  static final int CHECKED_INT = 1;
  /** double toward float: range-checked. */
  static final int TO_FLOAT = 2;
  static final int UUID_TO_STRING = 3;
  static final int STRING_TO_UUID = 4;
  static final int UUID_TO_BYTES = 5;
  static final int BYTES_TO_UUID = 6;
  /** Enum number remapped by value name. */
  static final int ENUM = 7;
  /** Enum value → its name (a proto string map key). */
  static final int ENUM_TO_NAME = 8;
  /** A name → the enum value (toward a Thrift enum map key). */
  static final int NAME_TO_ENUM = 9;
  static final int STRUCT = 10;
  /** List or set toward list or set; {@link #targetSet} picks the target container. */
  static final int LIST = 11;
  static final int MAP = 12;
  /** The target wraps the value in a one-field struct ({@link #wrapper}, field {@link #wrapField}). */
  static final int WRAP_TARGET = 13;
  /** The source's one-field struct stands for its field's value; the target sees the value. */
  static final int WRAP_SOURCE = 14;

  /** Marks an enum number whose counterpart is "unset" (a proto3 zero value). */
  static final int UNSET = Integer.MIN_VALUE;
  /** Marks an enum number without counterpart. */
  static final int NONE = Integer.MIN_VALUE + 1;

  final int kind;
  /** Target type of scalars (range checks, zero values) and of WRAP_SOURCE's value. */
  TypePlan targetType;

  // ENUM, ENUM_TO_NAME, NAME_TO_ENUM
  EnumPlan sourceEnum;
  EnumPlan targetEnum;
  int[] sourceNumbers; // sorted
  int[] targetNumbers; // parallel; UNSET or NONE when no counterpart
  boolean passUnknown; // both enums open: unknown numbers cross unchanged

  // STRUCT
  StructPlan sourceStruct;
  StructPlan targetStruct;
  int[] targetIndex; // by source field index; -1 drops the value
  Conv[] fieldConv; // by source field index
  int[] fillIndexes; // target fields that get their type's zero value when absent
  int[] requiredIndexes; // target fields that must be present
  String[] requiredNames; // the names those fields have in the source's view

  // LIST, MAP, WRAP_*
  Conv inner; // element, map value, wrapped value
  Conv key; // map key
  boolean targetSet;
  boolean checkDistinct;

  // WRAP_TARGET: the target's wrapper; WRAP_SOURCE: the source wrapper's field index in wrapField
  StructPlan wrapper;
  int wrapField;
  /** WRAP_SOURCE: what a missing value is called in the error, e.g. {@code field success}. */
  String missing;

  Conv(int kind) {
    this.kind = kind;
  }

  static Conv pass() {
    return new Conv(PASS);
  }

  /** The innermost conversion under any target wrappers. */
  Conv unwrapTarget() {
    Conv c = this;
    while (c.kind == WRAP_TARGET) c = c.inner;
    return c;
  }

  /** The target number for {@code number}, or {@link #UNSET}/{@link #NONE}. */
  int mapEnum(int number) {
    int i = java.util.Arrays.binarySearch(sourceNumbers, number);
    if (i >= 0) return targetNumbers[i];
    return passUnknown ? number : NONE;
  }
}
