package dev.appdb.adapter.jooq.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;

/**
 * What differs between the databases behind the jOOQ repositories. adapter-jooq implements it for
 * PostgreSQL ({@code PostgresDialect}); adapter-sqlite for SQLite.
 */
public interface DatabaseDialect {

  /** @return the jOOQ dialect to render SQL for, never null */
  SQLDialect sqlDialect();

  /**
   * @param settings appdb's jOOQ settings (query timeout and the like), never null
   * @return the settings to use, e.g. with the {@code app} schema mapped away; never null
   */
  Settings adapt(Settings settings);

  /**
   * @param exception a driver failure, never null
   * @return its meaning, never null; {@link SqlErrorKind#OTHER} when unknown
   */
  SqlErrorKind classify(SQLException exception);

  /**
   * Prepares a freshly checked-out connection (auto-commit off) for a read-only unit of work,
   * before its first statement.
   *
   * @param connection the connection, never null
   * @throws SQLException when the driver refuses
   */
  void beginReadOnly(Connection connection) throws SQLException;

  /**
   * Undoes {@link #beginReadOnly} after the unit of work ended, before the connection returns
   * to the pool.
   *
   * @param connection the connection, never null
   * @throws SQLException when the driver refuses
   */
  void endReadOnly(Connection connection) throws SQLException;
}
