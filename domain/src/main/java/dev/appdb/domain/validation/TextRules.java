package dev.appdb.domain.validation;

import dev.appdb.domain.error.ValidationException;

/**
 * The text rules that entities and value objects apply in their constructors. Every failure is a
 * {@link ValidationException} that names the field and the limit.
 */
public final class TextRules {

  private TextRules() {}

  /**
   * Requires a value that is present, is well-formed text ({@link #rejectControlCharacters}),
   * has at least one visible character and, once stripped of surrounding white space (including
   * no-break and other Unicode spaces), is 1 to {@code maxLength} characters long.
   *
   * @param field the field name used in the error
   * @param value the raw value, may be null (which fails)
   * @param maxLength the inclusive upper bound in UTF-16 code units, after stripping
   * @return the value stripped of leading and trailing white space
   * @throws ValidationException when absent, blank or invisible, too long or malformed
   */
  public static String requiredStripped(String field, String value, int maxLength) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    rejectControlCharacters(field, value);
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    String stripped = value.substring(start, end);
    if (stripped.chars().allMatch(c -> isSpace((char) c) || Character.getType(c) == Character.FORMAT)) {
      throw new ValidationException(field, "must not be blank or invisible");
    }
    return requireMaxLength(field, stripped, maxLength);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * @param field the field name used in the error
   * @param value the value to check
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
   * Rejects control characters (U+0000–U+001F, U+007F–U+009F), the bidirectional overrides and
   * isolates (U+202A–U+202E, U+2066–U+2069) that make text display as something else, and
   * unpaired UTF-16 surrogates (which no database can store faithfully).
   *
   * @param field the field name used in the error
   * @param value the value to check
   * @throws ValidationException naming the first offending character and its index
   */
  public static void rejectControlCharacters(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw invalid(field, "must not contain control characters", c, i);
      }
      if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        throw invalid(field, "must not contain bidirectional override characters", c, i);
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw invalid(field, "must be well-formed UTF-16, found an unpaired surrogate", c, i);
      }
    }
  }

  private static ValidationException invalid(String field, String rule, char c, int index) {
    return new ValidationException(field,
        String.format("%s, found U+%04X at index %d", rule, (int) c, index));
  }
}
