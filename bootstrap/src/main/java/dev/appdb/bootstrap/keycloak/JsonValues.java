package dev.appdb.bootstrap.keycloak;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Typed reads of fields of a Jackson tree that report a wrong type by its JSON path. */
final class JsonValues {

  private JsonValues() {}

  /**
   * @param parent the object holding the field
   * @param field the field name
   * @param path the field's path for the message
   * @return the string, or null when the field is missing, JSON {@code null} or blank
   * @throws InvalidValueException when the value is not a string
   */
  static String text(JsonNode parent, String field, String path) throws InvalidValueException {
    return text(parent.get(field), path);
  }

  /**
   * @param value the value, or null when missing
   * @param path the value's path for the message
   * @return the string, or null when missing, JSON {@code null} or blank
   * @throws InvalidValueException when the value is not a string
   */
  static String text(JsonNode value, String path) throws InvalidValueException {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidValueException(path, "must be a string, was " + describe(value));
    }
    return blankToNull(value.textValue());
  }

  /**
   * Reads an identifier, which some sources write as a JSON number.
   *
   * @return the string, or the decimal text of an integer; null when missing, {@code null} or blank
   * @throws InvalidValueException when the value is neither a string nor an integer
   */
  static String identifier(JsonNode parent, String field, String path)
      throws InvalidValueException {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return value.asText();
    }
    if (!value.isTextual()) {
      throw new InvalidValueException(path, "must be a string or an integer, was " + describe(value));
    }
    return blankToNull(value.textValue());
  }

  /**
   * Reads a flag such as Keycloak's {@code emailVerified}.
   *
   * @return the boolean, or the strings {@code "true"}/{@code "false"}; false when missing or null
   * @throws InvalidValueException when the value is anything else
   */
  static boolean flag(JsonNode parent, String field, String path) throws InvalidValueException {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
      return Boolean.parseBoolean(value.textValue());
    }
    throw new InvalidValueException(path, "must be true or false, was " + describe(value));
  }

  /** @return the JSON type of {@code value} for messages, e.g. {@code "a number"} */
  static String describe(JsonNode value) {
    switch (value.getNodeType()) {
      case STRING: return "a string";
      case NUMBER: return "a number";
      case BOOLEAN: return "a boolean";
      case ARRAY: return "an array";
      case OBJECT: return "an object";
      case NULL: return "null";
      default: return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }

  /** @return the JSON type a token starts, for messages, e.g. {@code "an array"} */
  static String describe(JsonToken token) {
    if (token == null) {
      return "nothing (the file is empty)";
    }
    switch (token) {
      case START_OBJECT: case END_OBJECT: return "an object";
      case START_ARRAY: case END_ARRAY: return "an array";
      case VALUE_STRING: return "a string";
      case VALUE_NUMBER_INT: case VALUE_NUMBER_FLOAT: return "a number";
      case VALUE_TRUE: case VALUE_FALSE: return "a boolean";
      case VALUE_NULL: return "null";
      default: return token.name();
    }
  }

  private static String blankToNull(String text) {
    return text.isBlank() ? null : text;
  }
}
