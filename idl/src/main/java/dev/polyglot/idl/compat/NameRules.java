package dev.polyglot.idl.compat;

import dev.polyglot.idl.EnumDef;
import java.util.Locale;

/**
 * The naming rules of the Thrift ↔ proto mapping, shared by the compatibility check and by
 * conversion so that converted files always bind back to their source.
 *
 * <ul>
 *   <li>Methods and fields match by name ignoring case and underscores ({@link #key}).
 *   <li>Enum values match by name, upper-cased, after dropping the enum's {@code UPPER_SNAKE_}
 *       prefix ({@code STATUS_ACTIVE} in enum {@code Status} is {@code ACTIVE}).
 * </ul>
 */
public final class NameRules {
  private NameRules() {}

  /** The matching key of a method or field name: {@code getItem}, {@code GetItem}, {@code get_item} → {@code getitem}. */
  public static String key(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_') sb.append(Character.toLowerCase(c));
    }
    return sb.toString();
  }

  /** {@code Status} → {@code STATUS_}; {@code HTTPCode} → {@code HTTP_CODE_}. */
  public static String enumValuePrefix(EnumDef enumDef) {
    return upperSnake(enumDef.name()) + "_";
  }

  /**
   * The matching key of an enum value: its {@link #key} after dropping the enum's own {@code
   * UPPER_SNAKE_} prefix ({@code STATUS_IN_STOCK} in {@code Status} and Thrift's {@code inStock} are
   * both {@code instock}).
   */
  public static String enumValueKey(EnumDef enumDef, String valueName) {
    String snake = upperSnake(valueName);
    String prefix = enumValuePrefix(enumDef);
    if (snake.startsWith(prefix) && snake.length() > prefix.length()) snake = snake.substring(prefix.length());
    return key(snake);
  }

  /** The proto name of a Thrift enum value: {@code inStock} in {@code Status} → {@code STATUS_IN_STOCK}. */
  public static String prefixedEnumValue(EnumDef enumDef, String valueName) {
    String snake = upperSnake(valueName);
    String prefix = enumValuePrefix(enumDef);
    return snake.startsWith(prefix) && snake.length() > prefix.length() ? snake : prefix + snake;
  }

  /** {@code widthCm} → {@code width_cm}; {@code HTTPCode} → {@code http_code}; {@code width_cm} stays. */
  public static String lowerSnake(String name) {
    return words(name).toLowerCase(Locale.ROOT);
  }

  /** {@code orderStatus} → {@code ORDER_STATUS}. */
  public static String upperSnake(String name) {
    return words(name).toUpperCase(Locale.ROOT);
  }

  /** {@code get_item} / {@code getItem} → {@code GetItem}. */
  public static String upperCamel(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean upperNext = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_') {
        upperNext = true;
      } else {
        sb.append(upperNext ? Character.toUpperCase(c) : c);
        upperNext = false;
      }
    }
    return sb.toString();
  }

  /** {@code GetItem} / {@code get_item} → {@code getItem}. */
  public static String lowerCamel(String name) {
    String upper = upperCamel(name);
    if (upper.isEmpty()) return upper;
    int i = 0;
    // Lower a leading acronym as one word: HTTPStatus → httpStatus.
    while (i < upper.length() && Character.isUpperCase(upper.charAt(i))) i++;
    if (i > 1 && i < upper.length()) i--;
    return upper.substring(0, i).toLowerCase(Locale.ROOT) + upper.substring(i);
  }

  /** Splits camel case into underscore-separated words, keeping existing underscores. */
  private static String words(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (prev != '_' && (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower))) {
          sb.append('_');
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
