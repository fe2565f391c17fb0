package dev.appdb.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * PostgreSQL 16 through pgjdbc: tables in schema {@code app}, {@code uuid} and
 * {@code timestamptz} columns bound as {@link UUID} and {@link OffsetDateTime}, as jOOQ and
 * appdb's {@code InstantBinding} do; JDBC transactions (auto-commit off), read-only ones marked
 * with {@code Connection.setReadOnly} so pgjdbc sends {@code BEGIN READ ONLY}. The pool restores
 * auto-commit and read-write when the connection returns.
 */
public final class PostgresJdbc implements JdbcDialect {

  @Override
  public String selectUserById() {
    return "select \"id\", \"first_name\", \"last_name\", \"email\", \"email_normalized\", "
        + "\"created_at\", \"updated_at\", \"version\" from \"app\".\"users\" "
        + "where \"id\" = cast(? as uuid)";
  }

  @Override
  public String insertUser() {
    return "insert into \"app\".\"users\" (\"id\", \"first_name\", \"last_name\", \"email\", "
        + "\"email_normalized\", \"created_at\", \"updated_at\", \"version\") "
        + "values (cast(? as uuid), ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?)";
  }

  @Override
  public String updateUser() {
    return "update \"app\".\"users\" set \"first_name\" = ?, \"last_name\" = ?, \"email\" = ?, "
        + "\"email_normalized\" = ?, \"updated_at\" = ?::timestamptz, \"version\" = ? "
        + "where (\"app\".\"users\".\"id\" = cast(? as uuid) and \"app\".\"users\".\"version\" = ?)";
  }

  @Override
  public String selectIdentity() {
    return "select \"issuer\", \"subject\", \"user_id\", \"linked_at\" "
        + "from \"app\".\"user_identities\" where (\"issuer\" = ? and \"subject\" = ?)";
  }

  @Override
  public String insertIdentity() {
    return "insert into \"app\".\"user_identities\" (\"issuer\", \"subject\", \"user_id\", "
        + "\"linked_at\") values (?, ?, cast(? as uuid), ?::timestamptz)";
  }

  @Override
  public String table(String table) {
    return "app." + table;
  }

  @Override
  public void setId(PreparedStatement statement, int index, UUID id) throws SQLException {
    statement.setObject(index, id);
  }

  @Override
  public void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setObject(index, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
  }

  @Override
  public UUID getId(ResultSet row, int index) throws SQLException {
    return row.getObject(index, UUID.class);
  }

  @Override
  public Instant getInstant(ResultSet row, int index) throws SQLException {
    return row.getObject(index, OffsetDateTime.class).toInstant();
  }

  @Override
  public void begin(Connection connection, boolean readOnly) throws SQLException {
    if (readOnly) {
      connection.setReadOnly(true);
    }
    connection.setAutoCommit(false);
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    connection.commit();
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    connection.rollback();
  }
}
