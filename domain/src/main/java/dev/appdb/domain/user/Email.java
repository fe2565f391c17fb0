package dev.appdb.domain.user;

import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.validation.TextRules;
import java.util.Locale;

/**
 * An email address, kept exactly as the user spelled it. Rules: at most 254 characters (RFC 5321
 * §4.5.3.1.3 path limit less the angle brackets), exactly one {@code @} with text on both sides,
 * no whitespace or control characters. A top-level domain is not required:
 * {@code someone@localhost} is valid.
 *
 * <p>Uniqueness among users ignores case: {@link #normalized()} is the key stores compare; it
 * must fit the same 254 characters.
 *
 * @param value the address as given
 */
public record Email(String value) {

  /** The longest address accepted, in characters. */
  public static final int MAX_LENGTH = 254;

  /** @throws ValidationException naming {@code email} and the rule broken */
  public Email {
    if (value == null) {
      throw new ValidationException("email", "is required");
    }
    TextRules.rejectControlCharacters("email", value);
    TextRules.requireMaxLength("email", value, MAX_LENGTH);
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i)) || Character.isSpaceChar(value.charAt(i))) {
        throw new ValidationException("email", "must not contain whitespace, found at index " + i);
      }
    }
    int at = value.indexOf('@');
    if (at < 0 || at != value.lastIndexOf('@')) {
      throw new ValidationException("email", "must contain exactly one '@', was '" + value + "'");
    }
    if (at == 0 || at == value.length() - 1) {
      throw new ValidationException("email", "needs text before and after '@', was '" + value + "'");
    }
    if (fold(value).length() > MAX_LENGTH) {
      throw new ValidationException("email", "must be at most " + MAX_LENGTH
          + " characters once case-folded, was " + fold(value).length());
    }
  }

  /**
   * @param value an address or null
   * @return the email, or null when {@code value} is null or blank
   * @throws ValidationException when a non-blank {@code value} breaks a rule
   */
  public static Email ofNullable(String value) {
    return value == null || value.isBlank() ? null : new Email(value);
  }

  /**
   * @return the case-folded form that uniqueness is decided on: upper- then lower-cased in
   *     {@link Locale#ROOT}, so that {@code ΣΣ} and {@code σς}, or {@code K} (Kelvin sign) and
   *     {@code k}, fold alike; may be longer than the value ({@code ß} becomes {@code ss})
   */
  public String normalized() {
    return fold(value);
  }

  private static String fold(String text) {
    return text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
