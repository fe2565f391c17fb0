package dev.appdb.domain.identity;

import dev.appdb.domain.error.ValidationException;

/**
 * The OpenID Connect {@code sub} claim: an identifier unique within its {@link Issuer}, "a
 * case-sensitive string not exceeding 255 ASCII characters" (OIDC Core §2). Rules here: 1–255
 * printable ASCII characters (U+0020–U+007E), compared exactly. Numbers from JSON are accepted as
 * their decimal text by the callers that read JSON.
 *
 * @param value the subject
 */
public record Subject(String value) {

  /** The longest subject accepted, in characters (OIDC Core §2). */
  public static final int MAX_LENGTH = 255;

  /** @throws ValidationException naming {@code subject} and the rule broken */
  public Subject {
    if (value == null || value.isEmpty()) {
      throw new ValidationException("subject", "is required");
    }
    if (value.length() > MAX_LENGTH) {
      throw new ValidationException(
          "subject", "must be at most " + MAX_LENGTH + " characters, was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw new ValidationException("subject", String.format(
            "must be printable ASCII (U+0020-U+007E), found U+%04X at index %d", (int) c, i));
      }
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
