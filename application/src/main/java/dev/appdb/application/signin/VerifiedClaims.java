package dev.appdb.application.signin;

import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import java.util.Objects;

/**
 * The claims of an ID token whose signature, audience and expiry the caller has already
 * verified (OIDC Core §3.1.3.7). appdb does not verify tokens; it only acts on their claims.
 *
 * @param issuer the {@code iss} claim
 * @param subject the {@code sub} claim
 * @param email the {@code email} claim, or null
 * @param emailVerified the {@code email_verified} claim; false when absent
 * @param givenName the {@code given_name} claim, or null
 * @param familyName the {@code family_name} claim, or null
 * @param name the {@code name} claim, or null
 * @param preferredUsername the {@code preferred_username} claim, or null (never trusted as email)
 */
public record VerifiedClaims(
    Issuer issuer,
    Subject subject,
    String email,
    boolean emailVerified,
    String givenName,
    String familyName,
    String name,
    String preferredUsername) {

  /** @throws NullPointerException when {@code issuer} or {@code subject} is null */
  public VerifiedClaims {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
  }
}
