package dev.appdb.domain.identity;

import dev.appdb.domain.error.ValidationException;

/**
 * What names an external identity: the (issuer, subject) pair, which links to at most one user
 * (OIDC Core §2: a subject is unique only within its issuer).
 *
 * @param issuer the issuer or provider alias
 * @param subject the subject within the issuer
 */
public record IdentityKey(Issuer issuer, Subject subject) {

  /** @throws ValidationException when a component is missing */
  public IdentityKey {
    if (issuer == null) {
      throw new ValidationException("issuer", "is required");
    }
    if (subject == null) {
      throw new ValidationException("subject", "is required");
    }
  }

  @Override
  public String toString() {
    return "(" + issuer.value() + ", " + subject.value() + ")";
  }
}
