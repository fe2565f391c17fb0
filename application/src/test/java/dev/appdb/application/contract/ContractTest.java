package dev.appdb.application.contract;

import dev.appdb.application.port.Transactions;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every contract suite: one migrated database per test class, emptied before each test.
 * An adapter's test extends a suite and says only how to open its database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractTest {

  /** The pool size the suites run with: small, so the concurrency cases contend for it. */
  protected static final int POOL_SIZE = 4;

  private DatabaseUnderTest database;

  /**
   * @param poolSize connections in the pool, without overflow
   * @return a fresh, migrated database
   */
  protected abstract DatabaseUnderTest openDatabase(int poolSize);

  @BeforeAll
  final void openDatabase() {
    database = openDatabase(POOL_SIZE);
  }

  @BeforeEach
  final void emptyDatabase() {
    database.deleteAllRows();
  }

  @AfterAll
  final void closeDatabase() {
    if (database != null) { // null when opening failed or was skipped (an assumption aborted it)
      database.close();
    }
  }

  /** @return the database of this test class */
  protected DatabaseUnderTest database() {
    return database;
  }

  /** @return the unit-of-work port of this test class's database */
  protected Transactions transactions() {
    return database.transactions();
  }

  /**
   * @param first first name
   * @param email address or null
   * @param createdAt creation time
   * @return a new, unsaved user
   */
  protected static User newUser(String first, String email, Instant createdAt) {
    return User.register(first, "Tester", Email.ofNullable(email), createdAt);
  }

  /**
   * @param user a new user
   * @return the stored user
   */
  protected User save(User user) {
    return transactions().inTransaction(tx -> tx.users().create(user));
  }

  /**
   * @param id a user id
   * @return the stored user, read in its own read-only unit of work
   */
  protected Optional<User> findUser(UserId id) {
    return transactions().readOnly(tx -> tx.users().findById(id));
  }

  /**
   * @param email an address
   * @return the user with that address, ignoring case
   */
  protected Optional<User> findUserByEmail(String email) {
    return transactions().readOnly(tx -> tx.users().findByEmail(new Email(email)));
  }

  /**
   * @param issuer the issuer
   * @param subject the subject
   * @return the identity link
   */
  protected Optional<UserIdentity> findIdentity(Issuer issuer, String subject) {
    return transactions().readOnly(tx -> tx.identities().find(issuer, new Subject(subject)));
  }

  /**
   * @param id a user id
   * @return the user's identity links, oldest first
   */
  protected List<UserIdentity> identitiesOf(UserId id) {
    return transactions().readOnly(tx -> tx.identities().listForUser(id));
  }

  /** @return the number of stored users */
  protected long userCount() {
    return transactions().readOnly(tx -> tx.users().count());
  }
}
