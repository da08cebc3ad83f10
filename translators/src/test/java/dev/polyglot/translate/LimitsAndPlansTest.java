package dev.polyglot.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.Requiredness;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.StructKind;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TypeKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitsAndPlansTest {

  @Test
  void defaultLimitsAreTheDocumentedOnes() {
    assertEquals(new Limits(16 << 20, 16 << 20, 1 << 20, 64), Limits.DEFAULT);
    assertEquals(Limits.DEFAULT, Limits.builder().build());
  }

  @ParameterizedTest(name = "{0} = {1} is refused with: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "maxDepth|0|maxDepth: 0 (expected: 1-512)",
        "maxDepth|513|maxDepth: 513 (expected: 1-512)",
        "maxMessageBytes|0|maxMessageBytes: 0 (expected: 1-2147483639)",
        "maxStringBytes|-1|maxStringBytes: -1 (expected: 0-2147483639)",
        "maxContainerSize|-5|maxContainerSize: -5 (expected: 0-2147483639)"
      })
  void limitsRefuseValuesOutOfRange(String name, int value, String message) {
    Limits.Builder b = Limits.builder();
    switch (name) {
      case "maxDepth" -> b.maxDepth(value);
      case "maxMessageBytes" -> b.maxMessageBytes(value);
      case "maxStringBytes" -> b.maxStringBytes(value);
      default -> b.maxContainerSize(value);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertEquals(message, e.getMessage());
  }

  private static FieldDef field(int id, String name, String jsonName, TypeRef type) {
    return new FieldDef(id, name, jsonName, type, Requiredness.DEFAULT, false, null, -1, false, Annotations.NONE, SourceLocation.UNKNOWN);
  }

  @Test
  void sparseAndNegativeIdsAreFoundByIdAndFieldsByEitherName() {
    StructDef def =
        new StructDef(
            "t.Sparse",
            "Sparse",
            IdlKind.THRIFT,
            StructKind.STRUCT,
            List.of(
                field(-3, "legacy", "legacy", TypeRef.of(Scalar.I32)),
                field(100_000, "far_away", "farAway", TypeRef.of(Scalar.STRING)),
                field(7, "self", "self", TypeRef.named("t.Sparse", TypeRef.NamedKind.STRUCT))),
            List.of(),
            false,
            Annotations.NONE,
            SourceLocation.UNKNOWN);
    Plans plans = Plans.of(Schema.builder().addStruct(def).build());
    StructPlan p = plans.struct("t.Sparse");
    assertEquals(0, p.indexOfId(-3));
    assertEquals(1, p.indexOfId(100_000));
    assertEquals(2, p.indexOfId(7));
    assertEquals(-1, p.indexOfId(8));
    assertEquals(1, p.indexOfName("far_away"));
    assertEquals(1, p.indexOfName("farAway"));
    assertEquals(-1, p.indexOfName("farway"));
    // A recursive type compiles to a cyclic plan, and the cache hands out one plan per type.
    assertEquals(TypeKind.STRUCT, p.field(2).type().kind());
    assertSame(p, p.field(2).type().struct());
    assertSame(p, plans.struct("t.Sparse"));
  }
}
