package dev.appdb.adapter.jooq.internal.lookup;

import dev.appdb.adapter.jooq.kit.InstantBinding;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
import java.util.function.Supplier;
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
  private final Supplier<R> newRecord;

  private JdbcColumns(Field<?>[] fields, Access[] access, Supplier<R> newRecord) {
    this.fields = fields;
    this.access = access;
    this.newRecord = newRecord;
  }

  /**
   * @param table a generated table
   * @param configuration the database's jOOQ configuration (its dialect decides how values
   *     cross JDBC)
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
    Supplier<R> newRecord = newRecord(table.getRecordType());
    return newRecord == null ? null : new JdbcColumns<>(fields, access, newRecord);
  }

  /**
   * Makes records with their public no-argument constructor, called as a compiled lambda would
   * call it: {@code Constructor.newInstance} cost as much again as the record itself (its access
   * check, a stack walk, then a generated accessor; async-profiler, PostgreSQL, 32 threads). Where
   * the record's class cannot be linked from appdb's class loader the constructor is called by
   * reflection instead.
   *
   * @return the records' factory, or null when the type has no public no-argument constructor
   */
  private static <R> Supplier<R> newRecord(Class<? extends R> type) {
    Constructor<? extends R> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException noPublicConstructor) {
      return null;
    }
    try {
      MethodHandle make = MethodHandles.publicLookup().unreflectConstructor(constructor);
      @SuppressWarnings("unchecked") // the lambda returns what the constructor makes
      Supplier<R> compiled = (Supplier<R>) LambdaMetafactory.metafactory(MethodHandles.lookup(),
              "get", MethodType.methodType(Supplier.class), MethodType.methodType(Object.class),
              make, MethodType.methodType(type))
          .getTarget().invoke();
      compiled.get(); // links the record's class now, so a failure to see it falls back here
      return compiled;
    } catch (LinkageError | ReflectiveOperationException | RuntimeException notLinkable) {
      return reflective(constructor);
    } catch (Error error) {
      throw error;
    } catch (Throwable unexpected) { // the factory's call site declares Throwable; it throws none
      throw new IllegalStateException("cannot compile a factory of " + type, unexpected);
    }
  }

  private static <R> Supplier<R> reflective(Constructor<? extends R> constructor) {
    try {
      constructor.setAccessible(true); // skips the access check's stack walk on every call
    } catch (RuntimeException refused) {
      // InaccessibleObjectException or SecurityException: newInstance checks access each time
    }
    return () -> {
      try {
        return constructor.newInstance();
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot make a " + constructor.getDeclaringClass(), e);
      }
    };
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
   * @param statement the statement
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
   * @return a new record holding the row, detached (it is made to be read), none of its values
   *     marked changed
   * @throws SQLException when the driver fails
   */
  public R read(ResultSet row) throws SQLException {
    R record = newRecord.get();
    // every column marked changed first: setting a primary key column that is not yet marked
    // makes jOOQ read the record's settings, from a new DefaultConfiguration when detached
    record.changed(true);
    for (int i = 0; i < fields.length; i++) {
      set(record, fields[i], access[i].read(row, i + 1));
    }
    record.changed(false); // as jOOQ's fetch leaves it: the values are the originals
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
