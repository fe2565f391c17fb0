package dev.appdb.domain.identity;

import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.validation.TextRules;

/**
 * Who vouches for a {@link Subject}: the OpenID Connect {@code iss} claim (an https URL, OIDC Core
 * §2, e.g. {@code https://accounts.google.com}) or an identity-provider alias such as Keycloak's
 * {@code identityProvider} ({@code google1}). Compared exactly, case-sensitively.
 * Rules: 1–{@value #MAX_LENGTH} characters, no whitespace or control characters.
 *
 * @param value the issuer
 */
public record Issuer(String value) {

  /** The longest issuer accepted, in characters. */
  public static final int MAX_LENGTH = 255;

  /** @throws ValidationException naming {@code issuer} and the rule broken */
  public Issuer {
    if (value == null || value.isEmpty()) {
      throw new ValidationException("issuer", "is required");
    }
    TextRules.rejectControlCharacters("issuer", value);
    TextRules.requireMaxLength("issuer", value, MAX_LENGTH);
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw new ValidationException("issuer", "must not contain whitespace, was '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
