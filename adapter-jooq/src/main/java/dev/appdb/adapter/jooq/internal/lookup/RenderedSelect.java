package dev.appdb.adapter.jooq.internal.lookup;

import dev.appdb.adapter.jooq.kit.JdbcWork;
import dev.appdb.adapter.jooq.kit.TransactionContext;
import dev.appdb.domain.error.UnexpectedDatabaseException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderTable;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;

/**
 * A {@code select * from <table> where <key1> = ? [and <key2> = ?]…} built with jOOQ's typed API
 * and rendered to SQL once, then run with fresh bind values on any connection of the same
 * database. Rendering a query is the largest part of jOOQ's cost on a lookup by key (see
 * {@code docs/PERFORMANCE.md}); the typed query stays the only
 * source of the SQL text, and each value is bound with its key column's data type, so converters
 * and bindings (UUID, {@code Instant}) apply exactly as in the typed query.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <R> the table's record type
 */
public final class RenderedSelect<R extends TableRecord<R>> {

  private final String sql;
  private final TableField<R, ?>[] keys;
  /** The table's columns over plain JDBC, or null to run on jOOQ's path. */
  private final JdbcColumns<R> columns;
  /** For each key, the index of its column in {@link #columns}. */
  private final int[] keyColumns;

  private RenderedSelect(String sql, TableField<R, ?>[] keys, JdbcColumns<R> columns) {
    this.sql = sql;
    this.keys = keys;
    this.columns = columns;
    this.keyColumns = new int[keys.length];
    if (columns != null) {
      List<Field<?>> fields = Arrays.asList(columns.fields());
      for (int i = 0; i < keys.length; i++) {
        keyColumns[i] = fields.indexOf(keys[i]);
      }
    }
  }

  /**
   * Renders the select of whole rows of {@code keys}' table whose key columns equal given values.
   *
   * @param configuration the database's jOOQ configuration (dialect and settings such as schema
   *     mapping decide the text), need not hold a connection
   * @param keys the key columns, in the order {@link #fetchOptional} takes their values; at least
   *     one, all of one table
   * @param <R> the table's record type
   * @return the rendered select
   * @throws IllegalArgumentException when {@code keys} is empty
   */
  @SafeVarargs
  public static <R extends TableRecord<R>> RenderedSelect<R> byKey(
      Configuration configuration, TableField<R, ?>... keys) {
    if (keys.length == 0) {
      throw new IllegalArgumentException("keys: at least one key column is required");
    }
    Condition where = DSL.and(Arrays.stream(keys).map(RenderedSelect::equalsParameter).toList());
    Table<R> table = keys[0].getTable();
    // the columns listed in the table's order, which is the order JdbcColumns reads them in
    String sql = renderingOnce(configuration).select(table.fields()).from(table)
        .where(where).getSQL(ParamType.INDEXED);
    return new RenderedSelect<>(sql, keys.clone(),
        JdbcColumns.of(table, configuration));
  }

  /**
   * The context that statements rendered once for a database are built with: the database's
   * settings, except that the text is always that of a prepared statement (a static-statement
   * setting would inline the placeholders' nulls; run with such a setting, the values are
   * inlined then) and columns are not qualified by their table when one table is involved
   * ({@code select id, ... from t where id = ?}): a shorter text for the driver and the database
   * to parse on every execution (SQLite prepares it for each statement).
   *
   * @param configuration the database's jOOQ configuration
   * @return a context without a connection, for rendering only
   */
  public static DSLContext renderingOnce(Configuration configuration) {
    Settings settings = ((Settings) configuration.settings().clone())
        .withStatementType(StatementType.PREPARED_STATEMENT)
        .withRenderTable(RenderTable.WHEN_MULTIPLE_TABLES);
    return DSL.using(configuration.derive(settings));
  }

  /**
   * Runs the select in a unit of work: with plain JDBC on the unit's connection when the table's
   * columns allow ({@link JdbcColumns}), else through the unit's jOOQ context; watched like every
   * statement of the unit either way.
   *
   * @param tx the unit of work
   * @param values one value per key column, in the order given to {@link #byKey}; none null
   * @return the row, or empty when none matches
   * @throws IllegalArgumentException when the number of values differs from the number of keys
   * @throws RuntimeException appdb's domain error when the database fails; the unit then ends
   */
  public Optional<R> fetchOptional(TransactionContext tx, Object... values) {
    return Optional.ofNullable(fetchOrNull(tx, values));
  }

  /**
   * {@link #fetchOptional(TransactionContext, Object...)} without the {@code Optional}, for a
   * caller that maps the row at once (the repository kit's find by id).
   *
   * @param tx the unit of work
   * @param values one value per key column, in the order given to {@link #byKey}; none null
   * @return the row, or null when none matches
   * @throws IllegalArgumentException when the number of values differs from the number of keys
   * @throws RuntimeException appdb's domain error when the database fails; the unit then ends
   */
  public R fetchOrNull(TransactionContext tx, Object... values) {
    checkValues(values);
    if (columns == null) {
      return fetchOptional(tx.dsl(), values).orElse(null);
    }
    return tx.jdbc(sql, null, false, new Lookup(tx, values));
  }

  /**
   * One lookup's statement work: a class rather than a lambda, which C2 allocated through the
   * runtime's slow path on this call site (async-profiler, PostgreSQL, 32 threads).
   */
  private final class Lookup implements JdbcWork<R> {
    private final TransactionContext tx;
    private final Object[] values;

    Lookup(TransactionContext tx, Object[] values) {
      this.tx = tx;
      this.values = values;
    }

    @Override
    public R run(PreparedStatement statement) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        columns.bind(statement, i + 1, keyColumns[i], values[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        R found = columns.read(rows);
        if (rows.next()) {
          throw tx.failed(new UnexpectedDatabaseException("more than one row of "
              + keys[0].getTable().getName() + " matches " + Arrays.toString(keys), null));
        }
        return found;
      }
    }
  }

  private void checkValues(Object[] values) {
    if (values.length != keys.length) {
      throw new IllegalArgumentException("values: expected " + keys.length + " (one per key "
          + Arrays.toString(keys) + "), got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) { // the message is built only then: this runs on every lookup
        throw new NullPointerException("values[" + i + "]");
      }
    }
  }

  /**
   * Runs the select.
   *
   * @param dsl a jOOQ context on the connection to run on
   * @param values one value per key column, in the order given to {@link #byKey}; none null
   * @return the row, or empty when none matches; with a unique key at most one row matches
   * @throws IllegalArgumentException when the number of values differs from the number of keys
   * @throws RuntimeException when the database fails: on a unit of work's context appdb's domain
   *     error, else jOOQ's {@link org.jooq.exception.DataAccessException}; also when more than one
   *     row matches ({@link org.jooq.exception.TooManyRowsException})
   */
  public Optional<R> fetchOptional(DSLContext dsl, Object... values) {
    checkValues(values);
    Object[] bindings = new Object[keys.length];
    for (int i = 0; i < keys.length; i++) {
      bindings[i] = DSL.val(values[i], keys[i]);
    }
    return dsl.resultQuery(sql, bindings).coerce(keys[0].getTable()).fetchOptional();
  }

  /** @return the rendered SQL text, with {@code ?} for each key value */
  public String sql() {
    return sql;
  }

  private static <T> Condition equalsParameter(TableField<?, T> key) {
    Param<T> placeholder = DSL.val(null, key);
    return key.eq(placeholder);
  }
}
