package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.testing.JooqNoteRepository;
import dev.appdb.application.contract.service.Note;
import dev.appdb.application.contract.service.NoteRepository;
import dev.appdb.domain.user.User;
import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.migrations.Migrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-only unit is read-only in SQLite itself ({@code PRAGMA query_only}), and the connection
 * is writable again wherever it goes next: appdb's own pool keeps the pragma between units and
 * clears it for a read-write unit or for {@link JooqDatabase#dataSource()}; an adopted pool's
 * connection has it cleared when the unit ends. One connection per pool, so every use below
 * meets the connection the read-only unit left.
 */
class SqliteReadOnlyUnitTest {

  @TempDir
  Path folder;

  @Test
  void appdbsOwnConnectionIsWritableForTheDataSourceAfterAReadOnlyUnit() throws SQLException {
    try (SqliteTestDatabase test = SqliteTestDatabase.open(1)) {
      JooqDatabase database = test.database();
      test.execute(JooqNoteRepository.CREATE_SQLITE);
      database.register(NoteRepository.class, JooqNoteRepository::new);

      refusesAWriteSentPastTheCheck(database);
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        assertThat(statement.executeUpdate("UPDATE notes SET body = 'by JDBC'")).isEqualTo(1);
      }
      int rewritten = database.transactions().inTransaction(
          tx -> tx.repository(NoteRepository.class).rewriteAllPastTheWriteCheck("in a unit"));
      assertThat(rewritten).isEqualTo(1);
    }
  }

  @Test
  void anAdoptedPoolsConnectionIsWritableAgainWhenTheReadOnlyUnitEnds() throws SQLException {
    Path file = folder.resolve("adopted.db");
    // migrated beforehand: migrating through a pool of one is refused (Flyway needs two)
    new Migrator(SqliteDatabase.migrationDataSource(file, Duration.ofSeconds(10)),
        DatabaseVendor.SQLITE).migrate();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + file);
    config.addDataSourceProperty("foreign_keys", "true");
    config.setMaximumPoolSize(1);
    try (HikariDataSource pool = new HikariDataSource(config);
        JooqDatabase database = Databases.adopt(pool, "sqlite:adopted.db",
            Duration.ofSeconds(5))) {
      try (Connection connection = pool.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(JooqNoteRepository.CREATE_SQLITE);
      }
      database.register(NoteRepository.class, JooqNoteRepository::new);

      refusesAWriteSentPastTheCheck(database);
      try (Connection connection = pool.getConnection();
          Statement statement = connection.createStatement()) {
        assertThat(statement.executeUpdate("UPDATE notes SET body = 'by JDBC'")).isEqualTo(1);
      }
    }
  }

  private static void refusesAWriteSentPastTheCheck(JooqDatabase database) {
    Note kept = database.transactions().inTransaction(tx -> {
      User user = tx.users().create(User.register("Reader", "Tester", null, Instant.now()));
      return tx.repository(NoteRepository.class).create(Note.of(user.id(), "kept"));
    });
    assertThatThrownBy(() -> database.transactions().readOnly(
        tx -> tx.repository(NoteRepository.class).rewriteAllPastTheWriteCheck("lost")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    List<Note> notes = database.transactions().readOnly(
        tx -> tx.repository(NoteRepository.class).listForUser(kept.userId()));
    assertThat(notes).extracting(Note::body).containsExactly("kept");
  }
}
