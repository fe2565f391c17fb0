package dev.appdb.application.user;

import dev.appdb.application.port.Transactions;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Clock;
import java.util.Objects;

/** Use case: change a user's names and email, optimistically (no lost updates). */
public final class UpdateUserProfile {

  private final Transactions transactions;
  private final Clock clock;

  /**
   * @param transactions the unit-of-work port
   * @param clock the source of {@code updatedAt}
   */
  public UpdateUserProfile(Transactions transactions, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Replaces the profile when {@code expectedVersion} is still current.
   *
   * @param id the user
   * @param expectedVersion the version the caller read
   * @param firstName new given name
   * @param lastName new family name
   * @param email new address, or null/blank to remove it
   * @return the stored user with version {@code expectedVersion + 1}; or, when the new profile
   *     equals the stored one, the stored user unchanged (nothing is written, the version stays)
   * @throws ValidationException naming {@code expectedVersion} when it is negative
   * @throws ConcurrentUpdateException when the user changed since {@code expectedVersion}
   * @throws NotFoundException when the user does not exist
   * @throws DuplicateEmailException when another user has the email
   * @throws ValidationException when a value breaks a rule
   */
  public User update(UserId id, long expectedVersion, String firstName, String lastName,
      String email) {
    requireExpectedVersion(expectedVersion);
    Email newEmail = Email.ofNullable(email);
    return transactions.inTransaction(tx -> {
      User current = tx.users().findById(id).orElseThrow(() -> new NotFoundException("user", id));
      if (current.version() != expectedVersion) {
        throw new ConcurrentUpdateException("user", id, expectedVersion);
      }
      User changed = current.withProfile(firstName, lastName, newEmail, clock.instant());
      if (changed.firstName().equals(current.firstName())
          && changed.lastName().equals(current.lastName())
          && Objects.equals(changed.email(), current.email())) {
        return current; // a no-op: no write, no new version, no new updatedAt
      }
      return tx.users().update(changed);
    });
  }

  /**
   * @param expectedVersion a version a caller read
   * @return {@code expectedVersion}
   * @throws ValidationException naming {@code expectedVersion} when it is negative
   */
  public static long requireExpectedVersion(long expectedVersion) {
    if (expectedVersion < 0) {
      throw new ValidationException("expectedVersion",
          "must be at least 0, was " + expectedVersion);
    }
    return expectedVersion;
  }
}
