package dev.appdb.spring.boot.app;

import dev.appdb.application.port.Transactions;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A service mixing appdb's units and JdbcTemplate inside Spring's transactions. */
@Service
public class AccountService {

  private final Transactions transactions;
  private final JdbcTemplate jdbc;
  private final String usersTable;

  public AccountService(Transactions transactions, JdbcTemplate jdbc,
      @Value("${test.users-table}") String usersTable) {
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.usersTable = usersTable;
  }

  /** Creates a user through appdb and logs an event with JdbcTemplate, then fails if asked. */
  @Transactional
  public User register(String email, boolean failAfterBoth) {
    User user = transactions.inTransaction(tx -> tx.users().create(newUser(email)));
    event("registered " + email);
    if (failAfterBoth) {
      throw new IllegalStateException("refused after both writes");
    }
    return user;
  }

  /**
   * Updates the user's row with JdbcTemplate (a row lock in this transaction), then through an
   * appdb unit: on a second connection that unit would wait on this transaction's own lock.
   */
  @Transactional
  public User renameTwice(UserId id, String email) {
    jdbc.update("UPDATE " + usersTable + " SET first_name = ? WHERE email_normalized = ?",
        "Jdbc", email);
    return transactions.inTransaction(tx -> {
      User user = tx.users().findById(id).orElseThrow();
      return tx.users().update(user.withProfile(user.firstName(), "Appdb", user.email(),
          Instant.now()));
    });
  }

  /** Logs an event, then creates a user whose email is taken: the domain error propagates. */
  @Transactional
  public void eventThenDuplicate(String email) {
    event("before duplicate " + email);
    transactions.inTransaction(tx -> tx.users().create(newUser(email)));
  }

  /** The same, but swallows the domain error and returns: the commit must not happen. */
  @Transactional
  public void eventThenSwallowedDuplicate(String email) {
    event("before swallowed duplicate " + email);
    try {
      transactions.inTransaction(tx -> tx.users().create(newUser(email)));
    } catch (DuplicateEmailException swallowed) {
      // a mistake a service can make: the transaction is rollback-only all the same
    }
  }

  private void event(String label) {
    jdbc.update("INSERT INTO service_events (label) VALUES (?)", label);
  }

  private static User newUser(String email) {
    return User.register("Ada", "Lovelace", new Email(email), Instant.now());
  }
}
