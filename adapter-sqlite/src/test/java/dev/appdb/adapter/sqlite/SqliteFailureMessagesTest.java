package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.QueryTimeoutException;
import dev.appdb.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's failures read as one sentence each, never as a bare result code. */
class SqliteFailureMessagesTest {

  private static final PoolSettings SHORT = new PoolSettings(1, 0, Duration.ofSeconds(1),
      Duration.ofMinutes(30), Duration.ofMinutes(10), Duration.ofSeconds(30));

  @TempDir
  Path folder;

  @Test
  void aMissingFolderIsNamed() {
    Path file = folder.resolve("no-such-folder").resolve("app.db");
    assertThatThrownBy(() -> SqliteDatabase.open(file, SHORT))
        .isInstanceOfSatisfying(DatabaseUnavailableException.class,
            e -> assertThat(e.retryable()).as("a missing folder stays missing").isFalse())
        .hasMessageContaining("its folder " + file.toAbsolutePath().getParent()
            + " does not exist");
  }

  @Test
  void aFileThatIsNotADatabaseSaysSo() throws Exception {
    Path file = folder.resolve("notes.txt");
    Files.writeString(file, "this is not a database, just text long enough to be read as a"
        + " header by SQLite and refused", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> {
      try (JooqDatabase database = SqliteDatabase.open(file, SHORT)) {
        database.transactions().readOnly(tx -> tx.users().count());
      }
    }).isInstanceOfSatisfying(DatabaseUnavailableException.class,
            e -> assertThat(e.retryable()).as("not a database: no retry helps").isFalse())
        .hasMessageContaining("corrupt or not a database");
  }

  @Test
  void aFileLockedByAnotherProcessFailsWithinTheBusyTimeoutSayingSo() throws Exception {
    SqliteTestDatabase database = SqliteTestDatabase.open(1, Duration.ofSeconds(1));
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + database.file());
        Statement statement = other.createStatement()) {
      statement.execute("BEGIN IMMEDIATE"); // another writer holds the lock
      long start = System.nanoTime();
      assertThatThrownBy(() -> database.transactions().inTransaction(tx -> tx.users().create(
          User.register("Ada", "Lovelace", null, Instant.now()))))
          .isInstanceOf(QueryTimeoutException.class)
          .hasMessageContaining("locked by another connection or process");
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
      statement.execute("ROLLBACK");
    } finally {
      database.close();
    }
  }
}
