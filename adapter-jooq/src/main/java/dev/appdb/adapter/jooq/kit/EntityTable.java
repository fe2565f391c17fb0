package dev.appdb.adapter.jooq.kit;

import dev.appdb.domain.entity.Entity;
import dev.appdb.domain.entity.EntityId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Configuration;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;

/**
 * A table of the entity kit's shape, described once (a constant of the repository): its
 * generated jOOQ table, the kit's columns found there by name ({@code id} {@code uuid},
 * {@code created_at} and {@code updated_at} mapped to {@code Instant}, {@code version}
 * {@code bigint}), and the two mappings between its records and the entity (MapStruct's, or
 * hand-written). Immutable and thread-safe.
 *
 * <pre>{@code
 * static final EntityTable<OrdersRecord, Order, OrderId> ORDERS_TABLE = EntityTable.of(
 *     "order", Tables.ORDERS, OrderMapper.INSTANCE::toOrder, OrderMapper.INSTANCE::toRecord);
 * }</pre>
 *
 * @param <R> the table's generated record type
 * @param <E> the entity type
 * @param <I> the entity's id type
 */
public final class EntityTable<R extends TableRecord<R>, E extends Entity<I>, I extends EntityId> {

  private final String entity;
  private final Table<R> table;
  private final TableField<R, UUID> id;
  private final TableField<R, Instant> createdAt;
  private final TableField<R, Instant> updatedAt;
  private final TableField<R, Long> version;
  private final Function<R, E> toEntity;
  private final Function<E, R> toRecord;
  /** Renders the table's statements; one instance, so a lookup of them allocates nothing. */
  private final Function<Configuration, KitStatements<R>> renderStatements =
      configuration -> new KitStatements<>(configuration, this);

  private EntityTable(String entity, Table<R> table, Function<R, E> toEntity,
      Function<E, R> toRecord) {
    this.entity = Objects.requireNonNull(entity, "entity");
    this.table = Objects.requireNonNull(table, "table");
    this.toEntity = Objects.requireNonNull(toEntity, "toEntity");
    this.toRecord = Objects.requireNonNull(toRecord, "toRecord");
    this.id = column(table, "id", UUID.class);
    this.createdAt = column(table, "created_at", Instant.class);
    this.updatedAt = column(table, "updated_at", Instant.class);
    this.version = column(table, "version", Long.class);
  }

  /**
   * @param entity what one row is, for messages, e.g. {@code "order"}
   * @param table the generated table, e.g. {@code Tables.ORDERS}; must have the kit's columns
   * @param toEntity a row to its entity (validating, as the entity's constructor does)
   * @param toRecord an entity to a new record holding every column
   * @param <R> the record type
   * @param <E> the entity type
   * @param <I> the id type
   * @return the description
   * @throws IllegalArgumentException naming the column when a kit column is missing or of
   *     another type
   */
  public static <R extends TableRecord<R>, E extends Entity<I>, I extends EntityId>
      EntityTable<R, E, I> of(String entity, Table<R> table, Function<R, E> toEntity,
          Function<E, R> toRecord) {
    return new EntityTable<>(entity, table, toEntity, toRecord);
  }

  /** @return what one row is, e.g. {@code "order"} */
  public String entity() {
    return entity;
  }

  /** @return the generated table */
  public Table<R> table() {
    return table;
  }

  /** @return the {@code id} column */
  public TableField<R, UUID> id() {
    return id;
  }

  /** @return the {@code created_at} column */
  public TableField<R, Instant> createdAt() {
    return createdAt;
  }

  /** @return the {@code updated_at} column */
  public TableField<R, Instant> updatedAt() {
    return updatedAt;
  }

  /** @return the {@code version} column */
  public TableField<R, Long> version() {
    return version;
  }

  /** @return what renders this table's statements for one database's configuration */
  Function<Configuration, KitStatements<R>> renderStatements() {
    return renderStatements;
  }

  /**
   * @param row a row of the table
   * @return its entity
   */
  public E toEntity(R row) {
    return toEntity.apply(row);
  }

  /**
   * @param value an entity
   * @return a new record holding every column of it
   */
  public R toRecord(E value) {
    return toRecord.apply(value);
  }

  @SuppressWarnings("unchecked")
  private static <R extends TableRecord<R>, T> TableField<R, T> column(Table<R> table,
      String name, Class<T> type) {
    Field<?> field = table.field(name);
    if (!(field instanceof TableField<?, ?>) || !type.isAssignableFrom(field.getType())) {
      throw new IllegalArgumentException("table " + table.getName() + " needs a column " + name
          + " of " + type.getSimpleName() + " for the entity kit, "
          + (field == null ? "has none" : "has one of " + field.getType().getSimpleName()));
    }
    return (TableField<R, T>) field;
  }
}
