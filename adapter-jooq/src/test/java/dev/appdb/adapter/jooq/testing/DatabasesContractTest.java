package dev.appdb.adapter.jooq.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.spi.EnclosingTransactions;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.user.Email;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.appdb.adapter.jooq.DatabaseSettings;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.application.contract.service.Note;
import dev.appdb.application.contract.service.NoteRepository;
import dev.appdb.domain.error.UnexpectedDatabaseException;
import dev.appdb.domain.user.User;
import dev.appdb.migrations.MigrationReport;
import dev.appdb.migrations.MigrationSet;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Domain plus one adapter": a service opens appdb's database from a URL alone (or adopts a pool
 * it already has), migrates appdb's and its own set, registers its repository and writes a user
 * and its row in one unit of work; the same code for every database. One subclass per database.
 */
public abstract class DatabasesContractTest {

  private static final String ROOT = "classpath:testmigrations/";
  /** The service's set: table {@code notes} with a foreign key to appdb's users. */
  protected static final MigrationSet NOTES =
      MigrationSet.of("notes", ROOT + "notes/v1/postgresql", ROOT + "notes/v1/sqlite");

  /** @return a {@code DATABASE_URL} of a new, empty database, in a form a user would write */
  protected abstract String newDatabaseUrl();

  /**
   * @param databaseUrl a URL from {@link #newDatabaseUrl()}
   * @return a HikariCP pool on that database as a service would build it itself, named
   *     {@code service-pool}
   */
  protected abstract HikariDataSource servicePool(String databaseUrl);

  private static final PoolSettings SMALL = new PoolSettings(2, 0, Duration.ofSeconds(5),
      PoolSettings.DEFAULT_RECYCLE, PoolSettings.DEFAULT_IDLE_TIMEOUT, Duration.ofSeconds(10));

  @Test
  void aUrlAloneOpensMigratesAndWorks() {
    try (JooqDatabase database = Databases.open(
        DatabaseSettings.of(newDatabaseUrl()).withPool(SMALL))) {
      List<MigrationReport> first = database.migrate(List.of(NOTES));
      assertThat(first).extracting(MigrationReport::set).containsExactly("appdb", "notes");
      assertThat(first).allSatisfy(report -> assertThat(report.applied()).isPositive());
      assertThat(database.migrate(List.of(NOTES)))
          .allSatisfy(report -> assertThat(report.applied()).isZero());

      userAndNoteInOneUnit(database);
    }
  }

  @Test
  void anAdoptedPoolWorksAndStaysOpenForItsOwner() throws Exception {
    String url = newDatabaseUrl();
    try (HikariDataSource pool = servicePool(url)) {
      try (JooqDatabase database = Databases.adopt(pool, "the service's pool",
          Duration.ofSeconds(10))) {
        database.migrate(List.of(NOTES));
        userAndNoteInOneUnit(database);
        assertThat(database.probe().poolStatus().pool()).isEqualTo("service-pool");
        assertThat(database.probe().poolStatus().checkouts()).isPositive();
      }
      assertThat(pool.isClosed()).as("appdb closed a pool it does not own").isFalse();
      try (Connection connection = pool.getConnection()) {
        assertThat(connection.isValid(1)).isTrue();
      }
    }
  }

  @Test
  void aFailingMigrationIsOneLineNamingTheScriptAndLeavesNothingBehind() throws Exception {
    MigrationSet broken = MigrationSet.of("broken", ROOT + "broken/postgresql",
        ROOT + "broken/sqlite");
    try (JooqDatabase database = Databases.open(
        DatabaseSettings.of(newDatabaseUrl()).withPool(SMALL))) {
      assertThatThrownBy(() -> database.migrate(List.of(broken)))
          .isInstanceOf(UnexpectedDatabaseException.class)
          .hasMessageContaining("V1__broken.sql")
          .hasMessageContaining("V1__broken.sql line 4")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("4242"));
      try (Connection connection = database.dataSource().getConnection();
          ResultSet tables = connection.getMetaData().getTables(null, null, "broken_first",
              null)) {
        assertThat(tables.next()).as("the failed migration's first table").isFalse();
      }
      long users = database.transactions().readOnly(tx -> tx.users().count());
      assertThat(users).as("appdb's own set, migrated before the service's").isZero();
    }
  }

  /**
   * @param table one of appdb's tables
   * @return its name in plain SQL on this database's connections ({@code app.users} or
   *     {@code users})
   */
  protected abstract String qualified(String table);

  /** A framework's transactions as a test drives them: one per thread, begun and ended by hand. */
  private static final class HandTransactions implements EnclosingTransactions {
    private final ThreadLocal<HandTransaction> current = new ThreadLocal<>();

    @Override
    public Optional<EnclosingTransaction> current() {
      return Optional.ofNullable(current.get());
    }

    HandTransaction begin(DataSource dataSource, boolean readOnly) throws SQLException {
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      HandTransaction transaction = new HandTransaction(connection, readOnly);
      current.set(transaction);
      return transaction;
    }

    void end(HandTransaction transaction, boolean commit) throws SQLException {
      current.remove();
      try (Connection connection = transaction.connection()) {
        if (commit && !transaction.rollbackOnly) {
          connection.commit();
        } else {
          connection.rollback();
        }
        connection.setAutoCommit(true);
      }
    }
  }

  private static final class HandTransaction implements EnclosingTransactions.EnclosingTransaction {
    private final Connection connection;
    private final boolean readOnly;
    private volatile boolean rollbackOnly;

    HandTransaction(Connection connection, boolean readOnly) {
      this.connection = connection;
      this.readOnly = readOnly;
    }

    @Override
    public Connection connection() {
      return connection;
    }

    @Override
    public boolean readOnly() {
      return readOnly;
    }

    @Override
    public void setRollbackOnly() {
      rollbackOnly = true;
    }
  }

  @Test
  void aUnitInsideAnEnclosingTransactionJoinsItOnItsConnectionAndEndsWithIt() throws Exception {
    try (HikariDataSource pool = servicePool(newDatabaseUrl());
        JooqDatabase database = Databases.adopt(pool, "the service's pool", Duration.ofSeconds(10))) {
      database.migrate(List.of(NOTES));
      HandTransactions framework = new HandTransactions();
      database.joinEnclosingTransactions(framework);

      for (boolean commit : new boolean[] {false, true}) {
        String name = commit ? "Kept" : "Gone";
        HandTransaction transaction = framework.begin(pool, false);
        long checkouts = database.probe().poolStatus().checkouts();
        User user = database.transactions().inTransaction(tx ->
            tx.users().create(User.register(name, "Joined", null, Instant.now())));
        // the framework's own statement in the same transaction: it sees the unit's row
        try (Statement statement = transaction.connection().createStatement()) {
          assertThat(statement.executeUpdate("UPDATE " + qualified("users")
              + " SET last_name = 'Audited' WHERE id = '" + user.id() + "'")).isEqualTo(1);
        }
        assertThat(database.probe().poolStatus().checkouts()).as("no second connection")
            .isEqualTo(checkouts);
        framework.end(transaction, commit);
        List<String> lastNames = database.transactions().readOnly(tx -> tx.users()
            .findById(user.id()).stream().map(User::lastName).toList());
        assertThat(lastNames).as(commit ? "committed with the enclosing transaction"
            : "rolled back with the enclosing transaction")
            .isEqualTo(commit ? List.of("Audited") : List.of());
      }
    }
  }

  @Test
  void aJoinedUnitThatFailsMarksTheEnclosingTransactionRollbackOnly() throws Exception {
    try (HikariDataSource pool = servicePool(newDatabaseUrl());
        JooqDatabase database = Databases.adopt(pool, "the service's pool", Duration.ofSeconds(10))) {
      database.migrate();
      database.transactions().inTransaction(tx -> tx.users().create(
          User.register("First", "Owner", new Email("taken@example.com"), Instant.now())));
      HandTransactions framework = new HandTransactions();
      database.joinEnclosingTransactions(framework);

      HandTransaction thrown = framework.begin(pool, false);
      assertThatThrownBy(() -> database.transactions().inTransaction(tx -> tx.users().create(
          User.register("Second", "Owner", new Email("taken@example.com"), Instant.now()))))
          .isInstanceOf(DuplicateEmailException.class);
      assertThat(thrown.rollbackOnly).isTrue();
      framework.end(thrown, true);

      HandTransaction swallowed = framework.begin(pool, false);
      assertThatThrownBy(() -> database.transactions().inTransaction(tx -> {
        try {
          tx.users().create(User.register("Third", "Owner", new Email("taken@example.com"),
              Instant.now()));
        } catch (DuplicateEmailException ignored) {
          // a caller that swallows the error: the unit must still not count as done
        }
        return null;
      })).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("marked rollback-only");
      assertThat(swallowed.rollbackOnly).isTrue();
      framework.end(swallowed, true);

      HandTransaction readOnly = framework.begin(pool, true);
      assertThatThrownBy(() -> database.transactions().inTransaction(tx -> tx.users().count()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot join a read-only transaction");
      long users = database.transactions().readOnly(tx -> tx.users().count());
      assertThat(users).isEqualTo(1);
      framework.end(readOnly, true);
    }
  }

  @Test
  void aJoinedUnitUpdatingARowItsTransactionLockedDoesNotWaitForItself() throws Exception {
    try (HikariDataSource pool = servicePool(newDatabaseUrl());
        JooqDatabase database = Databases.adopt(pool, "the service's pool", Duration.ofSeconds(10))) {
      database.migrate();
      User user = database.transactions().inTransaction(tx ->
          tx.users().create(User.register("Ada", "Lovelace", null, Instant.now())));
      HandTransactions framework = new HandTransactions();
      database.joinEnclosingTransactions(framework);

      HandTransaction transaction = framework.begin(pool, false);
      try (Statement statement = transaction.connection().createStatement()) {
        statement.executeUpdate("UPDATE " + qualified("users") + " SET first_name = 'Augusta'"
            + " WHERE id = '" + user.id() + "'");
      }
      long started = System.nanoTime();
      User updated = database.transactions().inTransaction(tx -> tx.users().update(
          tx.users().findById(user.id()).orElseThrow().withProfile("Augusta Ada", "King",
              null, Instant.now())));
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("no wait on the transaction's own lock (the statement timeout is 10 s)")
          .isLessThan(Duration.ofSeconds(5));
      framework.end(transaction, true);
      Optional<User> stored = database.transactions().readOnly(tx -> tx.users().findById(user.id()));
      assertThat(stored).get().extracting(User::firstName).isEqualTo(updated.firstName());
    }
  }

  private static void userAndNoteInOneUnit(JooqDatabase database) {
    database.register(NoteRepository.class, JooqNoteRepository::new);
    User user = database.transactions().inTransaction(tx -> {
      User created = tx.users().create(User.register("Ada", "Lovelace", null, Instant.now()));
      tx.repository(NoteRepository.class).create(Note.of(created.id(), "first"));
      return created;
    });
    assertThatThrownBy(() -> database.transactions().inTransaction(tx -> {
      User other = tx.users().create(User.register("Rolled", "Back", null, Instant.now()));
      tx.repository(NoteRepository.class).create(Note.of(other.id(), "gone"));
      throw new IllegalStateException("the use case failed");
    })).hasMessage("the use case failed");

    long users = database.transactions().readOnly(tx -> tx.users().count());
    List<Note> notes = database.transactions().readOnly(
        tx -> tx.repository(NoteRepository.class).listForUser(user.id()));
    long allNotes = database.transactions().readOnly(
        tx -> tx.repository(NoteRepository.class).count());
    assertThat(users).isEqualTo(1);
    assertThat(notes).extracting(Note::body).containsExactly("first");
    assertThat(allNotes).isEqualTo(1);
  }
}
