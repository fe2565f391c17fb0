package dev.appdb.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * What hand-written JDBC must know about one database: the SQL text appdb's jOOQ repositories
 * render for it (copied verbatim, so both sides send the same statements), how ids and
 * timestamps are bound and read, and how transactions begin and end (as appdb's
 * {@code DatabaseDialect} for that database does it).
 */
public interface JdbcDialect {

  /** @return {@code select <all users columns> from users where id = ?} as jOOQ renders it */
  String selectUserById();

  /** @return {@code insert into users (<all columns>) values (...)} as jOOQ renders it */
  String insertUser();

  /** @return the version-checked {@code update users ... where id = ? and version = ?} */
  String updateUser();

  /** @return {@code select <all columns> from user_identities where issuer = ? and subject = ?} */
  String selectIdentity();

  /** @return {@code insert into user_identities (<all columns>) values (...)} */
  String insertIdentity();

  /**
   * @param table an appdb table name, e.g. {@code users}
   * @return the name to use in hand-written SQL (schema-qualified where the database has one)
   */
  String table(String table);

  /**
   * @param statement the statement
   * @param index the parameter's position, from 1
   * @param id the id
   * @throws SQLException when the driver refuses
   */
  void setId(PreparedStatement statement, int index, UUID id) throws SQLException;

  /**
   * @param statement the statement
   * @param index the parameter's position, from 1
   * @param instant the timestamp
   * @throws SQLException when the driver refuses
   */
  void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

  /**
   * @param row the current row
   * @param index the column's position, from 1
   * @return the id stored there
   * @throws SQLException when the driver refuses
   */
  UUID getId(ResultSet row, int index) throws SQLException;

  /**
   * @param row the current row
   * @param index the column's position, from 1
   * @return the timestamp stored there
   * @throws SQLException when the driver refuses
   */
  Instant getInstant(ResultSet row, int index) throws SQLException;

  /**
   * Begins a transaction the way appdb's dialect for this database does.
   *
   * @param connection a pooled connection in auto-commit mode
   * @param readOnly whether the transaction only reads (it then takes no write lock)
   * @throws SQLException when the database refuses
   */
  void begin(Connection connection, boolean readOnly) throws SQLException;

  /**
   * @param connection a connection {@link #begin} began a transaction on
   * @throws SQLException when the commit fails
   */
  void commit(Connection connection) throws SQLException;

  /**
   * @param connection a connection {@link #begin} began a transaction on
   * @throws SQLException when the rollback fails
   */
  void rollback(Connection connection) throws SQLException;
}
