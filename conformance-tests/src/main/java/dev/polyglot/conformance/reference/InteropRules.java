package dev.polyglot.conformance.reference;

import java.util.List;

/**
 * The interop service's behaviour that is not plain echo, in one place, so that the Thrift and the
 * gRPC reference backends cannot drift apart. The IDL comments in {@code idl/interop.thrift} state the
 * same rules for users.
 */
final class InteropRules {
  /** The sku for which getItem and reserve raise ItemNotFound. */
  static final String MISSING_SKU = "missing";
  /** Every sku's stock, for reserve. */
  static final int STOCK = 100;
  /** Quantity of the item getItem returns. */
  static final int ITEM_QUANTITY = 7;
  static final int ITEM_WIDTH_CM = 10;
  static final int ITEM_HEIGHT_CM = 20;
  static final List<String> ITEM_TAGS = List.of("stock");
  /** Item.origin's IDL default, also filled in when a Thrift caller leaves it unset. */
  static final String DEFAULT_ORIGIN = "warehouse";
  /** Item.quantity's IDL default. */
  static final int DEFAULT_QUANTITY = 1;
  /** Longest sleep delay honours, so a stray call cannot park a thread for long. */
  static final int MAX_DELAY_MILLIS = 30_000;

  private InteropRules() {}

  static String itemNotFoundMessage(String sku) {
    return "no item with sku " + sku;
  }

  static String outOfStockMessage(String sku, int requested) {
    return "sku " + sku + ": " + requested + " requested, " + STOCK + " available";
  }

  static String invalidQuantityMessage(int quantity) {
    return "quantity: " + quantity + " (expected: at least 1)";
  }

  /** The message of add's undeclared failure when the sum does not fit in an i64. */
  static String addOverflowMessage(int left, long right) {
    return "add: " + left + " + " + right + " overflows i64";
  }

  /** Sleeps for delay's argument, clamped to 0..MAX_DELAY_MILLIS. */
  static void sleep(int millis) {
    try {
      Thread.sleep(Math.max(0, Math.min(millis, MAX_DELAY_MILLIS)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
