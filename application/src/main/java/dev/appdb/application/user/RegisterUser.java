package dev.appdb.application.user;

import dev.appdb.application.port.Transactions;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import java.time.Clock;
import java.util.Objects;

/** Use case: register a new user. */
public final class RegisterUser {

  private final Transactions transactions;
  private final Clock clock;

  /**
   * @param transactions the unit-of-work port
   * @param clock the source of {@code createdAt}
   */
  public RegisterUser(Transactions transactions, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param firstName given name, 1–100 characters after stripping
   * @param lastName family name, 1–100 characters after stripping
   * @param email address or null/blank for none
   * @return the stored user at version 0
   * @throws ValidationException when a value breaks a rule; nothing is written
   * @throws DuplicateEmailException when the email is taken, ignoring case
   */
  public User register(String firstName, String lastName, String email) {
    User user = User.register(firstName, lastName, Email.ofNullable(email), clock.instant());
    return transactions.inTransaction(tx -> tx.users().create(user));
  }
}
