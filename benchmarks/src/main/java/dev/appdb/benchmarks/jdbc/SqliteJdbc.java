package dev.appdb.benchmarks.jdbc;

import dev.appdb.adapter.jooq.internal.lookup.InstantText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * SQLite through sqlite-jdbc: no schema, ids as canonical UUID text and timestamps as appdb's
 * fixed-width text ({@link InstantText}). Transactions as appdb's {@code SqliteDialect} runs
 * them: the connection stays in JDBC auto-commit mode and {@code BEGIN IMMEDIATE} (read-write,
 * the write lock up front) or {@code BEGIN DEFERRED} (read-only, no write lock), then
 * {@code COMMIT} or {@code ROLLBACK}, are sent as SQL.
 */
public final class SqliteJdbc implements JdbcDialect {

  private static final String USER_COLUMNS = "id, first_name, last_name, email, "
      + "email_normalized, created_at, updated_at, version";

  @Override
  public String selectUserById() {
    return "select " + USER_COLUMNS + " from users where id = ?";
  }

  @Override
  public String insertUser() {
    return "insert into users (id, first_name, last_name, email, email_normalized, created_at, "
        + "updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?)";
  }

  @Override
  public String updateUser() {
    return "update users set first_name = ?, last_name = ?, email = ?, email_normalized = ?, "
        + "updated_at = ?, version = ? where (users.id = ? and users.version = ?)";
  }

  @Override
  public String selectIdentity() {
    return "select issuer, subject, user_id, linked_at from user_identities "
        + "where (issuer = ? and subject = ?)";
  }

  @Override
  public String insertIdentity() {
    return "insert into user_identities (issuer, subject, user_id, linked_at) values (?, ?, ?, ?)";
  }

  @Override
  public String table(String table) {
    return table;
  }

  @Override
  public void setId(PreparedStatement statement, int index, UUID id) throws SQLException {
    statement.setString(index, id.toString());
  }

  @Override
  public void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setString(index, InstantText.format(instant));
  }

  @Override
  public UUID getId(ResultSet row, int index) throws SQLException {
    return UUID.fromString(row.getString(index));
  }

  @Override
  public Instant getInstant(ResultSet row, int index) throws SQLException {
    return InstantText.parse(row.getString(index));
  }

  @Override
  public void begin(Connection connection, boolean readOnly) throws SQLException {
    execute(connection, readOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    execute(connection, "COMMIT");
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    execute(connection, "ROLLBACK");
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
