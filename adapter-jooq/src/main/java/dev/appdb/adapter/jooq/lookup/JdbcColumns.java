package dev.appdb.adapter.jooq.lookup;

import dev.appdb.adapter.jooq.binding.InstantBinding;
import dev.appdb.adapter.jooq.binding.InstantText;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * One table's columns as plain JDBC sends and reads them on one database, exactly as jOOQ's
 * bindings do (UUIDs native on PostgreSQL and canonical text on SQLite, {@code Instant}s through
 * {@link InstantBinding}'s rules): what lets a statement rendered once by jOOQ run on the hot path
 * without jOOQ's execution machinery (execute context, listeners, result records and the
 * re-reading of the SQL template, most of jOOQ's cost per single-row statement; see
 * {@code docs/PERFORMANCE.md}). Only the column types appdb's tables and the kit's use are
 * covered: {@code UUID}, {@code String}, {@code Integer}, {@code Long}, {@code Boolean} and
 * {@code Instant} with {@link InstantBinding}; a table with any other type (or a custom converter)
 * gets no {@code JdbcColumns}, and its statements stay on jOOQ's path. Immutable, thread-safe.
 *
 * @param <R> the table's record type
 */
public final class JdbcColumns<R extends TableRecord<R>> {

  /** How one column's values cross JDBC on one database. */
  private interface Access {
    void bind(PreparedStatement statement, int index, Object value) throws SQLException;

    Object read(ResultSet row, int index) throws SQLException;
  }

  private final Field<?>[] fields;
  private final Access[] access;
  private final Constructor<R> newRecord;
  /** What the records read are attached to (no connection: they are only read). */
  private final Configuration configuration;

  private JdbcColumns(Field<?>[] fields, Access[] access, Constructor<R> newRecord,
      Configuration configuration) {
    this.fields = fields;
    this.access = access;
    this.newRecord = newRecord;
    this.configuration = configuration;
  }

  /**
   * @param table a generated table, never null
   * @param configuration the database's jOOQ configuration (its dialect decides how values
   *     cross JDBC; the records {@link #read} returns are attached to it), never null
   * @param <R> the record type
   * @return the table's columns over JDBC, or null when a column's type is not covered (the
   *     caller then runs its statements through jOOQ)
   */
  public static <R extends TableRecord<R>> JdbcColumns<R> of(Table<R> table,
      Configuration configuration) {
    boolean postgres = configuration.dialect().family() == SQLDialect.POSTGRES;
    Field<?>[] fields = table.fields();
    Access[] access = new Access[fields.length];
    for (int i = 0; i < fields.length; i++) {
      access[i] = access(fields[i], postgres);
      if (access[i] == null) {
        return null;
      }
    }
    try {
      @SuppressWarnings("unchecked") // a table's record type is R
      Constructor<R> constructor = (Constructor<R>) table.getRecordType().getConstructor();
      uncheckedAccess(constructor);
      return new JdbcColumns<>(fields, access, constructor, configuration);
    } catch (NoSuchMethodException noPublicConstructor) {
      return null;
    }
  }

  /**
   * Skips the access check on every {@code newInstance}: it finds the caller by walking the stack,
   * about a tenth of the cost of {@link #read} (async-profiler, PostgreSQL, 32 threads). The
   * constructor is public anyway; where the check cannot be skipped (a security manager, a module
   * that does not open the package), records are still made, checked.
   */
  private static void uncheckedAccess(Constructor<?> constructor) {
    try {
      constructor.setAccessible(true);
    } catch (RuntimeException refused) {
      // InaccessibleObjectException or SecurityException: newInstance checks access each time
    }
  }

  /** @return the table's columns, in the order of {@link #read} and of the column indexes */
  public Field<?>[] fields() {
    return fields.clone();
  }

  /** @return the number of columns */
  public int size() {
    return fields.length;
  }

  /**
   * @param statement the statement, never null
   * @param parameter the 1-based parameter index
   * @param column the 0-based index of the column whose type {@code value} has
   * @param value the value, may be null
   * @throws SQLException when the driver refuses it
   */
  public void bind(PreparedStatement statement, int parameter, int column, Object value)
      throws SQLException {
    access[column].bind(statement, parameter, value);
  }

  /**
   * @param row a result positioned on a row whose columns are {@link #fields()} in that order
   * @return a new record holding the row
   * @throws SQLException when the driver fails
   */
  public R read(ResultSet row) throws SQLException {
    R record;
    try {
      record = newRecord.newInstance();
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot make a " + newRecord.getDeclaringClass(), e);
    }
    // attached before the first set: jOOQ reads a detached record's settings on setting its
    // primary key from a new DefaultConfiguration, copying the default Settings every time
    record.attach(configuration);
    for (int i = 0; i < fields.length; i++) {
      set(record, fields[i], access[i].read(row, i + 1));
    }
    record.changed(false);
    return record;
  }

  @SuppressWarnings("unchecked")
  private static <T> void set(TableRecord<?> record, Field<T> field, Object value) {
    record.set(field, (T) value);
  }

  private static Access access(Field<?> field, boolean postgres) {
    if (field.getBinding() instanceof InstantBinding) {
      return postgres ? INSTANT_POSTGRES : INSTANT_TEXT;
    }
    if (!field.getBinding().getClass().getName().startsWith("org.jooq.impl.DefaultBinding")
        || field.getConverter().fromType() != field.getConverter().toType()) {
      return null;
    }
    Class<?> type = field.getType();
    if (type == UUID.class) {
      return postgres ? UUID_POSTGRES : UUID_TEXT;
    }
    if (type == String.class) {
      return STRING;
    }
    if (type == Long.class) {
      return LONG;
    }
    if (type == Integer.class) {
      return INTEGER;
    }
    if (type == Boolean.class) {
      return BOOLEAN;
    }
    return null;
  }

  private static final Access UUID_POSTGRES = new Access() {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      statement.setObject(index, value, Types.OTHER);
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
      return row.getObject(index, UUID.class);
    }
  };

  private static final Access UUID_TEXT = new Access() {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      if (value == null) {
        statement.setNull(index, Types.VARCHAR);
      } else {
        statement.setString(index, value.toString());
      }
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
      String text = row.getString(index);
      return text == null ? null : UUID.fromString(text);
    }
  };

  private static final Access INSTANT_POSTGRES = new Access() {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      statement.setObject(index, value == null ? null : ((Instant) value).atOffset(ZoneOffset.UTC),
          Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
      OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }
  };

  private static final Access INSTANT_TEXT = new Access() {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      if (value == null) {
        statement.setNull(index, Types.VARCHAR);
      } else {
        statement.setString(index, InstantText.format((Instant) value));
      }
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
      return InstantText.parse(row.getString(index));
    }
  };

  private static final Access STRING = new Access() {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      if (value == null) {
        statement.setNull(index, Types.VARCHAR);
      } else {
        statement.setString(index, (String) value);
      }
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
      return row.getString(index);
    }
  };

  private static final Access LONG = new Access() {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      if (value == null) {
        statement.setNull(index, Types.BIGINT);
      } else {
        statement.setLong(index, (Long) value);
      }
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
      long value = row.getLong(index);
      return row.wasNull() ? null : value;
    }
  };

  private static final Access INTEGER = new Access() {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      if (value == null) {
        statement.setNull(index, Types.INTEGER);
      } else {
        statement.setInt(index, (Integer) value);
      }
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
      int value = row.getInt(index);
      return row.wasNull() ? null : value;
    }
  };

  private static final Access BOOLEAN = new Access() {
    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      if (value == null) {
        statement.setNull(index, Types.BOOLEAN);
      } else {
        statement.setBoolean(index, (Boolean) value);
      }
    }

    @Override
    public Object read(ResultSet row, int index) throws SQLException {
      boolean value = row.getBoolean(index);
      return row.wasNull() ? null : value;
    }
  };
}
