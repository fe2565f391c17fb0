package dev.appdb.adapter.jooq.kit;

import dev.appdb.adapter.jooq.spi.DatabaseDialect;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * What the repositories of one unit of work run their statements through: a jOOQ context on the
 * unit's connection, statements rendered once per database ({@link #rendered}), plain JDBC on the
 * same connection ({@link #jdbc}) and batch writes ({@link #writeBatch}). Handed to a
 * {@link RepositoryFactory}; implemented by appdb only. One thread, one unit: not thread-safe.
 *
 * <p>Every use after the unit ended fails (a repository that leaks out of its lambda cannot touch
 * a connection that went back to the pool), as does every write in a read-only unit and every use
 * after a statement of the unit failed, the same on every database. Every statement sent through
 * {@link #dsl()} or {@link #jdbc} is watched: when one fails, the unit is marked failed and the
 * caller receives appdb's domain error instead of jOOQ's or the driver's exception. A repository
 * that gives a failure a more specific meaning (a duplicate email) records it with
 * {@link #failed}. jOOQ's own transactions ({@code dsl().transaction(...)}) are refused: the unit
 * is the transaction. Statements sent past jOOQ ({@code dsl().connection(...)}) are not watched;
 * PostgreSQL's aborted transaction is still caught before the commit, SQLite's failures there
 * are not.
 */
public interface TransactionContext {

  /**
   * @return the jOOQ context bound to this unit of work's connection (made on first use, so a
   *     unit that runs no statement pays nothing for it)
   * @throws IllegalStateException when the unit of work has ended or one of its statements
   *     failed
   */
  DSLContext dsl();

  /**
   * @return the jOOQ context, for a statement that writes
   * @throws IllegalStateException when the unit of work has ended, failed or is read-only
   */
  DSLContext dslForWrite();

  /**
   * A statement (or anything else) made once per database and kept with it, e.g. a select
   * rendered to SQL; the same for every unit of work on the database.
   *
   * @param key what identifies it, e.g. the repository's table description
   * @param render makes it from the database's jOOQ configuration (no connection) the first time
   * @param <T> its type
   * @return the kept value
   */
  <T> T rendered(Object key, Function<Configuration, T> render);

  /**
   * Runs one statement with plain JDBC on the unit's connection, for the hot path of the
   * repository kit (statements rendered once by jOOQ, see {@link #rendered}) and for a service's
   * own hottest statements. Watched like every statement of {@link #dsl()}; the statement timeout
   * applies.
   *
   * @param sql the statement's SQL with {@code ?} placeholders, rendered for this database
   * @param source the jOOQ query the SQL was rendered from, for naming the table of a violated
   *     constraint; may be null
   * @param writes whether the statement writes (refused in a read-only unit)
   * @param work binds the parameters, executes and reads
   * @param <T> what {@code work} returns
   * @return what {@code work} returned
   * @throws IllegalStateException when the unit has ended or failed, or {@code writes} in a
   *     read-only unit
   * @throws RuntimeException appdb's domain error when the statement fails (an
   *     {@code SQLException}); what {@code work} throws otherwise, unchanged
   */
  <T> T jdbc(String sql, Query source, boolean writes, JdbcWork<T> work);

  /**
   * Writes many rows with one statement as a JDBC batch, under a savepoint. When the batch
   * breaks a unique or foreign-key rule, rolls back to the savepoint and writes the same rows one
   * at a time, so the first row at fault fails alone with its precise error and ends the unit;
   * any other failure ends the unit at once, translated.
   *
   * @param name the parameter the rows came in, for the error message, e.g. {@code "users"}
   * @param rows the rows, in order; empty writes nothing
   * @param statement the statement with one bind placeholder per value
   * @param values a row's bind values, in the statement's order
   * @param writeOne writes one row with its own statement, translating its errors
   * @param <T> the row type
   * @throws NullPointerException naming {@code name} when {@code rows} holds null; nothing is
   *     written
   * @throws IllegalStateException when the unit has ended, failed or is read-only, even when
   *     {@code rows} is empty
   * @throws RuntimeException what {@code writeOne} throws for the first row at fault, or the
   *     translation of any other failure
   */
  <T> void writeBatch(String name, List<T> rows, Query statement, Function<T, Object[]> values,
      Consumer<T> writeOne);

  /**
   * Records that a statement failed, with the meaning the caller gave it: every later use fails,
   * and the unit rolls back even if the work swallows the error.
   *
   * @param translated the domain error the failure is reported as
   * @return {@code translated}, to throw
   */
  RuntimeException failed(RuntimeException translated);

  /** @return the database's specifics */
  DatabaseDialect dialect();
}
