package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What only SQLite needs: settings on every pooled connection, and readable stored text. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteConnectionSettingsTest {

  private SqliteTestDatabase database;

  @BeforeAll
  void open() {
    database = SqliteTestDatabase.open(3);
  }

  @AfterAll
  void close() {
    database.close();
  }

  private HikariDataSource pool() throws SQLException {
    return database.database().dataSource().unwrap(HikariDataSource.class);
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA " + name)) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void everyPooledConnectionHasForeignKeysWalAndBusyTimeoutAlsoAfterEviction() throws Exception {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        held.add(pool().getConnection());
      }
      for (Connection connection : held) {
        assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
        assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
        assertThat(Integer.parseInt(pragma(connection, "busy_timeout"))).isEqualTo(10_000);
      }
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }

    pool().getHikariPoolMXBean().softEvictConnections();
    try (Connection replacement = pool().getConnection()) {
      assertThat(pragma(replacement, "foreign_keys")).isEqualTo("1");
    }
    UserId missing = UserId.generate();
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> database.transactions().inTransaction(tx -> tx.identities().link(
          new UserIdentity(new Issuer("https://idp"), new Subject("s"), missing, Instant.now()))))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void idsAndTimestampsAreStoredAsReadableTextInTimeOrder() throws Exception {
    database.deleteAllRows();
    User user = database.transactions().inTransaction(tx -> tx.users().create(
        User.register("Text", "Form", null, Instant.parse("2024-01-01T00:00:00Z"))));

    try (Connection connection = pool().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT id, typeof(id), created_at, typeof(created_at) FROM users")) {
      row.next();
      assertThat(row.getString(1)).isEqualTo(user.id().toString());
      assertThat(row.getString(2)).isEqualTo("text");
      assertThat(row.getString(3)).isEqualTo("2024-01-01T00:00:00.000000Z");
      assertThat(row.getString(4)).isEqualTo("text");
    }
  }
}
