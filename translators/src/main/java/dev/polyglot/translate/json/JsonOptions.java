package dev.polyglot.translate.json;

/**
 * Choices for the JSON reader and writer.
 *
 * @param prettyPrint write with newlines and two-space indentation (for people; the gateway's own
 *     responses are compact)
 * @param ignoreUnknownFields skip object members the schema does not declare instead of rejecting
 *     them. Off by default in both dialects: like protobuf-java-util's {@code JsonFormat.parser()},
 *     a misspelt field name is an error rather than silently dropped data
 */
public record JsonOptions(boolean prettyPrint, boolean ignoreUnknownFields) {
  public static final JsonOptions DEFAULT = new JsonOptions(false, false);

  public JsonOptions withPrettyPrint(boolean value) {
    return new JsonOptions(value, ignoreUnknownFields);
  }

  public JsonOptions withIgnoreUnknownFields(boolean value) {
    return new JsonOptions(prettyPrint, value);
  }
}
