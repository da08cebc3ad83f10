package dev.polyglot.idl.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.EnumDef;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.SourceLocation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameRulesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "getItem,    getitem,   get_item,   GET_ITEM,   GetItem,   getItem",
      "GetItem,    getitem,   get_item,   GET_ITEM,   GetItem,   getItem",
      "get_item,   getitem,   get_item,   GET_ITEM,   GetItem,   getItem",
      "widthCm,    widthcm,   width_cm,   WIDTH_CM,   WidthCm,   widthCm",
      "HTTPStatus, httpstatus, http_status, HTTP_STATUS, HTTPStatus, httpStatus",
      "ACTIVE,     active,    active,     ACTIVE,     ACTIVE,    active",
      "item2Sku,   item2sku,  item2_sku,  ITEM2_SKU,  Item2Sku,  item2Sku",
  })
  void namesAreSpelledAndMatchedTheSameWayEverywhere(String name, String key, String lowerSnake, String upperSnake, String upperCamel, String lowerCamel) {
    assertEquals(key, NameRules.key(name));
    assertEquals(lowerSnake, NameRules.lowerSnake(name));
    assertEquals(upperSnake, NameRules.upperSnake(name));
    assertEquals(upperCamel, NameRules.upperCamel(name));
    assertEquals(lowerCamel, NameRules.lowerCamel(name));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
      "STATUS_ACTIVE,    Status,      active,        STATUS_ACTIVE",
      "ACTIVE,           Status,      active,        STATUS_ACTIVE",
      "inStock,          Status,      instock,       STATUS_IN_STOCK",
      "STATUS_IN_STOCK,  Status,      instock,       STATUS_IN_STOCK",
      "STATUSQUO,        Status,      statusquo,     STATUS_STATUSQUO",
      "STATUS_,          Status,      status,        STATUS_STATUS_",
      "KIND_UNSPECIFIED, ItemKind,    kindunspecified, ITEM_KIND_KIND_UNSPECIFIED",
      "ITEM_KIND_BOOK,   ItemKind,    book,          ITEM_KIND_BOOK",
  })
  void enumValuesMatchWithoutTheEnumsPrefix(String value, String enumName, String key, String prefixed) {
    EnumDef e = new EnumDef("x." + enumName, enumName, IdlKind.PROTO, List.of(), Annotations.NONE, SourceLocation.UNKNOWN);
    assertEquals(key, NameRules.enumValueKey(e, value));
    assertEquals(prefixed, NameRules.prefixedEnumValue(e, value));
  }
}
