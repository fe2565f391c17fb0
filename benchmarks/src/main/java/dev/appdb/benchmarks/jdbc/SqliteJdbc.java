package dev.appdb.benchmarks.jdbc;

import dev.appdb.adapter.jooq.binding.InstantText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

/**
 * SQLite through sqlite-jdbc: no schema, ids as canonical UUID text and timestamps as appdb's
 * fixed-width text ({@link InstantText}). The pool begins every transaction with
 * {@code BEGIN IMMEDIATE}; a read-only unit switches the connection's configured mode to
 * {@code DEFERRED} before auto-commit goes off (sqlite-jdbc sends {@code BEGIN} right then), so
 * readers take no write lock.
 */
public final class SqliteJdbc implements JdbcDialect {

  private static final String USER_COLUMNS = "users.id, users.first_name, users.last_name, "
      + "users.email, users.email_normalized, users.created_at, users.updated_at, users.version";

  @Override
  public String selectUserById() {
    return "select " + USER_COLUMNS + " from users where users.id = ?";
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
    return "select user_identities.issuer, user_identities.subject, user_identities.user_id, "
        + "user_identities.linked_at from user_identities "
        + "where (user_identities.issuer = ? and user_identities.subject = ?)";
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
  public void beginReadOnly(Connection connection) throws SQLException {
    connection.unwrap(SQLiteConnection.class).getConnectionConfig()
        .setTransactionMode(TransactionMode.DEFERRED);
  }

  @Override
  public void endReadOnly(Connection connection) throws SQLException {
    connection.unwrap(SQLiteConnection.class).getConnectionConfig()
        .setTransactionMode(TransactionMode.IMMEDIATE);
  }
}
