package dev.polyglot.idl.proto;

/**
 * Keys that name a definition inside a proto file independently of how the file was read, so that
 * positions taken from Wire's elements (text input) and from {@code SourceCodeInfo} (descriptor sets)
 * land in one map that the model mapping consults. Full names have no leading dot.
 */
final class ElementKeys {
  private ElementKeys() {}

  static String message(String fullName) {
    return "M:" + fullName;
  }

  static String field(String messageFullName, String fieldName) {
    return "F:" + messageFullName + "." + fieldName;
  }

  static String oneof(String messageFullName, String oneofName) {
    return "O:" + messageFullName + "." + oneofName;
  }

  static String enumType(String fullName) {
    return "E:" + fullName;
  }

  static String enumValue(String enumFullName, String valueName) {
    return "V:" + enumFullName + "." + valueName;
  }

  static String service(String fullName) {
    return "S:" + fullName;
  }

  static String method(String serviceFullName, String methodName) {
    return "R:" + serviceFullName + "." + methodName;
  }
}
