package dev.appdb.adapter.jooq.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
