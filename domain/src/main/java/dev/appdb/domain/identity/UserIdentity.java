package dev.appdb.domain.identity;

import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.UserId;
import dev.appdb.domain.validation.InstantRules;
import java.time.Instant;

/**
 * A link from an external identity (issuer + subject) to a user. The pair (issuer, subject) links
 * to at most one user; a user may have several identities.
 *
 * @param issuer the issuer or provider alias
 * @param subject the subject within the issuer
 * @param userId the linked user
 * @param linkedAt when the link was made, UTC, truncated to microseconds
 */
public record UserIdentity(Issuer issuer, Subject subject, UserId userId, Instant linkedAt) {

  /** @throws ValidationException when a component is missing */
  public UserIdentity {
    if (issuer == null) {
      throw new ValidationException("issuer", "is required");
    }
    if (subject == null) {
      throw new ValidationException("subject", "is required");
    }
    if (userId == null) {
      throw new ValidationException("userId", "is required");
    }
    linkedAt = InstantRules.stored("linkedAt", linkedAt);
  }

  /** @return the (issuer, subject) pair this link is for */
  public IdentityKey key() {
    return new IdentityKey(issuer, subject);
  }
}
