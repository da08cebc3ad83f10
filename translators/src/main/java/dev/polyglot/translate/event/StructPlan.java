package dev.polyglot.translate.event;

import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.StructDef;
import java.util.Arrays;

/**
 * A compiled struct or message: its fields as an array indexed by field index, an id-to-index
 * lookup that is an array access (or a binary search for very sparse ids), and a name lookup for
 * text formats.
 *
 * <p>Design note: recursive types make plans cyclic, so a plan is created first and its fields are
 * filled in by {@link Plans} before the plan graph is published. After publication (through the
 * concurrent cache in {@link Plans}) a plan is never modified and is safe to share between threads.
 */
public final class StructPlan {
  private static final int MAX_DENSE_SPAN = 4096;

  private final StructDef def;
  private FieldPlan[] fields;
  private int minId;
  private int[] indexById; // dense: indexById[id - minId], -1 for holes; else null
  private int[] sortedIds; // sparse fallback, parallel to sortedIndexes
  private int[] sortedIndexes;
  private String[] nameTable; // open addressing over names and JSON names
  private int[] nameIndexes;
  private long requiredMask;
  private int[] indexesInIdOrder;

  StructPlan(StructDef def) {
    this.def = def;
  }

  void init(FieldPlan[] fieldPlans) {
    this.fields = fieldPlans;
    int n = fieldPlans.length;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (FieldPlan f : fieldPlans) {
      min = Math.min(min, f.id());
      max = Math.max(max, f.id());
    }
    if (n > 0 && (long) max - min < MAX_DENSE_SPAN) {
      minId = min;
      indexById = new int[max - min + 1];
      Arrays.fill(indexById, -1);
      for (FieldPlan f : fieldPlans) indexById[f.id() - min] = f.index();
    } else {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) order[i] = i;
      Arrays.sort(order, (a, b) -> Integer.compare(fieldPlans[a].id(), fieldPlans[b].id()));
      sortedIds = new int[n];
      sortedIndexes = new int[n];
      for (int i = 0; i < n; i++) {
        sortedIds[i] = fieldPlans[order[i]].id();
        sortedIndexes[i] = order[i];
      }
    }
    int cap = Integer.highestOneBit(Math.max(4, n * 4) - 1) << 1;
    nameTable = new String[cap];
    nameIndexes = new int[cap];
    for (FieldPlan f : fieldPlans) {
      putName(f.name(), f.index());
      if (f.jsonName() != null) putName(f.jsonName(), f.index());
    }
    Integer[] byId = new Integer[n];
    for (int i = 0; i < n; i++) byId[i] = i;
    Arrays.sort(byId, (a, b) -> Integer.compare(fieldPlans[a].id(), fieldPlans[b].id()));
    indexesInIdOrder = new int[n];
    for (int i = 0; i < n; i++) indexesInIdOrder[i] = byId[i];
    long mask = 0;
    for (int i = 0; i < Math.min(n, 64); i++) if (fieldPlans[i].isRequired()) mask |= 1L << i;
    requiredMask = mask;
  }

  private void putName(String name, int index) {
    int mask = nameTable.length - 1;
    int i = name.hashCode() & mask;
    while (nameTable[i] != null) {
      if (nameTable[i].equals(name)) return; // first declaration wins
      i = (i + 1) & mask;
    }
    nameTable[i] = name;
    nameIndexes[i] = index;
  }

  public StructDef def() {
    return def;
  }

  public String qualifiedName() {
    return def.qualifiedName();
  }

  public IdlKind idl() {
    return def.idl();
  }

  /** A Thrift union: at most one field may be set. */
  public boolean isUnion() {
    return def.isUnion();
  }

  /** Field indexes sorted by field id. The array is shared: callers must not modify it. */
  public int[] indexesInIdOrder() {
    return indexesInIdOrder;
  }

  public int fieldCount() {
    return fields.length;
  }

  public FieldPlan field(int index) {
    return fields[index];
  }

  /** The field index for a Thrift field id or proto field number, or -1. */
  public int indexOfId(int id) {
    int[] dense = indexById;
    if (dense != null) {
      int i = id - minId;
      return i >= 0 && i < dense.length ? dense[i] : -1;
    }
    int i = Arrays.binarySearch(sortedIds, id);
    return i >= 0 ? sortedIndexes[i] : -1;
  }

  /** The field index for a declared name or JSON name, or -1. For text formats. */
  public int indexOfName(String name) {
    String[] table = nameTable;
    int mask = table.length - 1;
    int i = name.hashCode() & mask;
    String candidate;
    while ((candidate = table[i]) != null) {
      if (candidate.equals(name)) return nameIndexes[i];
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** Bit i set when field i (i &lt; 64) is {@code required}; fields past 64 are not tracked. */
  public long requiredMask() {
    return requiredMask;
  }

  /** The error for a required field that was absent. */
  public TranscodeException missingRequired(long seenMask) {
    long missing = requiredMask & ~seenMask;
    FieldPlan f = fields[Long.numberOfTrailingZeros(missing)];
    return TranscodeException.of("required field " + f.name() + " (id " + f.id() + ") of " + qualifiedName() + " is missing (expected: a value)");
  }

  @Override
  public String toString() {
    return def.qualifiedName();
  }
}
