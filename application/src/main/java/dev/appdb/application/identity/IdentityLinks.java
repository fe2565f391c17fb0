package dev.appdb.application.identity;

import dev.appdb.application.port.Transactions;
import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/** Use cases on identity links: link an (issuer, subject) to a user, unlink it, list a user's. */
public final class IdentityLinks {

  private final Transactions transactions;
  private final Clock clock;

  /**
   * @param transactions the unit-of-work port
   * @param clock the source of {@code linkedAt}
   */
  public IdentityLinks(Transactions transactions, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param userId the user
   * @param issuer the issuer
   * @param subject the subject
   * @return the stored link; when the identity is linked to this user already, that link as it
   *     was (linking is idempotent: nothing is written)
   * @throws NotFoundException when the user does not exist
   * @throws IdentityAlreadyLinkedException when the identity is linked to another user
   */
  public UserIdentity link(UserId userId, Issuer issuer, Subject subject) {
    UserIdentity identity = new UserIdentity(issuer, subject, userId, clock.instant());
    return transactions.inTransaction(tx -> {
      Optional<UserIdentity> existing = tx.identities().find(issuer, subject);
      if (existing.isPresent() && existing.get().userId().equals(userId)) {
        return existing.get();
      }
      return tx.identities().link(identity);
    });
  }

  /**
   * @param issuer the issuer
   * @param subject the subject
   * @throws NotFoundException when the identity is not linked
   */
  public void unlink(Issuer issuer, Subject subject) {
    transactions.inTransaction(tx -> {
      tx.identities().unlink(issuer, subject);
      return null;
    });
  }

  /**
   * @param userId the user
   * @return the user's links, oldest first
   * @throws NotFoundException when the user does not exist
   */
  public List<UserIdentity> listForUser(UserId userId) {
    return transactions.readOnly(tx -> {
      if (tx.users().findById(userId).isEmpty()) {
        throw new NotFoundException("user", userId);
      }
      return tx.identities().listForUser(userId);
    });
  }
}
