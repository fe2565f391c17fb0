package dev.appdb.adapter.jooq.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import dev.appdb.domain.user.User;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What only PostgreSQL shows: everything in schema {@code app}, timestamps independent of the session time zone. */
class PostgresSchemaTest {

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  @Test
  void everyTableIndexAndTheMigrationHistoryLiveInSchemaApp() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.open("schema_app", 1);
        Connection connection = database.database().dataSource().getConnection()) {
      assertThat(strings(connection,
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'app' ORDER BY 1"))
          .containsExactly("appdb_schema_history", "user_identities", "users");
      assertThat(strings(connection,
          "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
              + " WHERE n.nspname = 'public'"))
          .isEmpty();
      assertThat(strings(connection,
          "SELECT indexname FROM pg_indexes WHERE schemaname = 'app' ORDER BY 1"))
          .contains("users_email_normalized_key", "users_created_at_id_idx",
              "user_identities_user_id_idx");
      assertThat(strings(connection,
          "SELECT data_type FROM information_schema.columns WHERE table_schema = 'app'"
              + " AND table_name = 'users' AND column_name IN ('id', 'created_at', 'version')"
              + " ORDER BY column_name"))
          .containsExactly("timestamp with time zone", "uuid", "bigint");
    }
  }

  @Test
  void timestampsRoundTripWhateverTheSessionTimeZone() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    String name;
    try (PostgresTestDatabase migrated = PostgresTestDatabase.open("session_time_zone", 1)) {
      name = migrated.name();
    }
    PoolSettings settings = new PoolSettings(1, 0, Duration.ofSeconds(10), Duration.ofMinutes(30),
        Duration.ofMinutes(10), Duration.ofSeconds(30));
    Instant lastMicroOfDay = Instant.parse("2024-03-10T23:59:59.999999Z");
    try (JooqDatabase database = PostgresDatabase.open("chatham", server.jdbcUrl(name),
        server.adminProperties(), settings)) {
      try (Connection only = database.dataSource().getConnection();
          Statement statement = only.createStatement()) {
        statement.execute("SET TIME ZONE 'Pacific/Chatham'"); // UTC+13:45 in March; pool of one
      }
      User stored = database.transactions().inTransaction(tx -> tx.users().create(
          User.register("Zone", "Test", null, lastMicroOfDay)));

      User read = database.transactions().readOnly(tx -> tx.users().findById(stored.id()))
          .orElseThrow();
      assertThat(read.createdAt()).isEqualTo(lastMicroOfDay);
      try (Connection connection = database.dataSource().getConnection()) {
        assertThat(strings(connection, "SELECT current_setting('TimeZone')"))
            .containsExactly("Pacific/Chatham");
        assertThat(strings(connection,
            "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM app.users"))
            .containsExactly("2024-03-10 23:59:59.999999");
      }
    }
  }
}
