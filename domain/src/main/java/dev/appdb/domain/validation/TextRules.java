package dev.appdb.domain.validation;

import dev.appdb.domain.error.ValidationException;

/**
 * The text rules that entities and value objects apply in their constructors. Every failure is a
 * {@link ValidationException} that names the field and the limit.
 */
public final class TextRules {

  private TextRules() {}

  /**
   * Requires a value that is present, has no control characters (U+0000–U+001F, U+007F–U+009F)
   * and, once stripped of surrounding whitespace, is 1 to {@code maxLength} characters long.
   *
   * @param field the field name used in the error
   * @param value the raw value, may be null (which fails)
   * @param maxLength the inclusive upper bound in UTF-16 code units, after stripping
   * @return the value stripped of leading and trailing whitespace
   * @throws ValidationException when absent, blank, too long or holding a control character
   */
  public static String requiredStripped(String field, String value, int maxLength) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    rejectControlCharacters(field, value);
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new ValidationException(field, "must not be blank");
    }
    return requireMaxLength(field, stripped, maxLength);
  }

  /**
   * @param field the field name used in the error
   * @param value the value to check, never null
   * @param maxLength the inclusive upper bound in UTF-16 code units
   * @return {@code value} unchanged
   * @throws ValidationException when {@code value} is longer than {@code maxLength}
   */
  public static String requireMaxLength(String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw new ValidationException(
          field, "must be at most " + maxLength + " characters, was " + value.length());
    }
    return value;
  }

  /**
   * @param field the field name used in the error
   * @param value the value to check, never null
   * @throws ValidationException naming the first control character's position, when there is one
   */
  public static void rejectControlCharacters(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new ValidationException(field, String.format(
            "must not contain control characters, found U+%04X at index %d",
            (int) value.charAt(i), i));
      }
    }
  }
}
