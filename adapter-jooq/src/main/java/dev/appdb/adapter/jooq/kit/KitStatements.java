package dev.appdb.adapter.jooq.kit;

import dev.appdb.adapter.jooq.internal.lookup.JdbcColumns;
import dev.appdb.adapter.jooq.internal.lookup.RenderedSelect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.TableRecord;
import org.jooq.UpdateSetMoreStep;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * The kit's single-row statements for one table on one database, built with jOOQ's typed API and
 * rendered once, kept with the database ({@code TransactionContext.rendered}) and run with plain
 * JDBC through the unit of work. Immutable, thread-safe.
 *
 * @param <R> the table's record type
 */
final class KitStatements<R extends TableRecord<R>> {

  /** The columns over JDBC; null when a column's type needs jOOQ (then {@link #jdbc} is false). */
  final JdbcColumns<R> columns;
  final RenderedSelect<R> byId;
  /** {@code insert into t (every column) values (?, ...)}. */
  final String insert;
  final Query insertQuery;
  /**
   * {@code update t set (every column but id and created_at) = ? ... where id = ? and version = ?}.
   */
  final String update;
  final Query updateQuery;
  /** The column indexes {@link #update} sets, in its parameter order. */
  final int[] updated;
  final int idColumn;
  final int versionColumn;
  /** {@code delete from t where id = ?}. */
  final String delete;
  final Query deleteQuery;

  KitStatements(Configuration configuration, EntityTable<R, ?, ?> table) {
    DSLContext dsl = RenderedSelect.renderingOnce(configuration);
    this.columns = JdbcColumns.of(table.table(), configuration);
    this.byId = RenderedSelect.byKey(configuration, table.id());
    List<Field<?>> fields = Arrays.asList(table.table().fields());
    this.idColumn = fields.indexOf(table.id());
    this.versionColumn = fields.indexOf(table.version());

    this.insertQuery = dsl.insertInto(table.table())
        .columns(fields)
        .values(fields.stream().map(KitStatements::placeholder).toList());
    this.insert = insertQuery.getSQL(ParamType.INDEXED);

    List<Integer> set = new ArrayList<>();
    UpdateSetMoreStep<R> update =
        dsl.update(table.table()).set(table.version(), placeholder(table.version()));
    for (int i = 0; i < fields.size(); i++) {
      Field<?> field = fields.get(i);
      if (field.equals(table.id()) || field.equals(table.createdAt())
          || field.equals(table.version())) {
        continue;
      }
      set.add(i);
      update = setPlaceholder(update, field);
    }
    this.updated = new int[set.size() + 1];
    updated[0] = versionColumn;
    for (int i = 0; i < set.size(); i++) {
      updated[i + 1] = set.get(i);
    }
    this.updateQuery = update.where(table.id().eq(placeholder(table.id())))
        .and(table.version().eq(placeholder(table.version())));
    this.update = updateQuery.getSQL(ParamType.INDEXED);

    this.deleteQuery = dsl.deleteFrom(table.table())
        .where(table.id().eq(placeholder(table.id())));
    this.delete = deleteQuery.getSQL(ParamType.INDEXED);
  }

  /** @return whether the statements run with plain JDBC ({@link #columns} covers the table) */
  boolean jdbc() {
    return columns != null;
  }

  private static <R extends TableRecord<R>, T> UpdateSetMoreStep<R> setPlaceholder(
      UpdateSetMoreStep<R> update, Field<T> field) {
    return update.set(field, placeholder(field));
  }

  private static <T> Field<T> placeholder(Field<T> field) {
    return DSL.val(null, field);
  }
}
