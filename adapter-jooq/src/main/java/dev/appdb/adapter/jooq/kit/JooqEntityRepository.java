package dev.appdb.adapter.jooq.kit;

import dev.appdb.adapter.jooq.internal.lookup.JdbcColumns;
import dev.appdb.domain.entity.Cursor;
import dev.appdb.domain.entity.Entity;
import dev.appdb.domain.entity.EntityId;
import dev.appdb.domain.entity.Page;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.error.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The base of a jOOQ repository for a table of the entity kit's shape ({@link EntityTable}):
 * create, find by id, optimistic update, delete, keyset-paged list and count, on the unit of
 * work's {@link TransactionContext}. A subclass adds its table's own queries with
 * {@link #tx()} ({@code dsl()} to read, {@code dslForWrite()} to write) and implements its port.
 * Every statement runs through the unit, so a failure ends the unit and arrives as a domain
 * error: a unique key as {@code DuplicateKeyException}, a foreign key as
 * {@code MissingReferenceException} or {@code StillReferencedException}, named by constraint.
 *
 * <pre>{@code
 * final class JooqOrderRepository extends JooqEntityRepository<OrdersRecord, Order, OrderId>
 *     implements OrderRepository {
 *   JooqOrderRepository(TransactionContext tx) { super(tx, ORDERS_TABLE); }
 *   public List<Order> listForUser(UserId user) {
 *     return tx().dsl().selectFrom(ORDERS).where(ORDERS.USER_ID.eq(user.value()))
 *         .fetch(table()::toEntity);
 *   }
 * }
 * }</pre>
 *
 * <p>Create, find by id, update and delete are built with jOOQ's typed API once per database,
 * rendered, kept with the database, and run with plain JDBC on the unit's connection
 * ({@link JdbcColumns}: the values cross JDBC exactly as jOOQ's bindings send them), watched by
 * the unit like every statement; a table with a column type that needs jOOQ's bindings runs them
 * through jOOQ instead. Listing and counting are built with jOOQ on each call.
 *
 * @param <R> the table's generated record type
 * @param <E> the entity type
 * @param <I> the entity's id type
 */
public abstract class JooqEntityRepository<R extends org.jooq.TableRecord<R>,
    E extends Entity<I>, I extends EntityId> {

  /** The most entities one {@link #list} call returns. */
  public static final int MAX_PAGE_SIZE = 1000;

  private final TransactionContext tx;
  private final EntityTable<R, E, I> table;

  /**
   * @param tx the unit of work this repository is bound to
   * @param table the table's description
   */
  protected JooqEntityRepository(TransactionContext tx, EntityTable<R, E, I> table) {
    this.tx = Objects.requireNonNull(tx, "tx");
    this.table = Objects.requireNonNull(table, "table");
  }

  /** @return the unit of work, for the subclass's own statements */
  protected final TransactionContext tx() {
    return tx;
  }

  /** @return the table's description */
  protected final EntityTable<R, E, I> table() {
    return table;
  }

  /**
   * Inserts a new entity as it is (its version is usually 0).
   *
   * @param entity the new entity
   * @return {@code entity}
   * @throws dev.appdb.domain.error.DuplicateKeyException when its id or a unique key is taken
   * @throws dev.appdb.domain.error.MissingReferenceException when a foreign key finds no row
   * @throws IllegalStateException in a read-only or ended unit
   */
  public E create(E entity) {
    Objects.requireNonNull(entity, table.entity());
    KitStatements<R> statements = statements();
    R row = table.toRecord(entity);
    if (!statements.jdbc()) {
      tx.dslForWrite().insertInto(table.table()).set(row).execute();
      return entity;
    }
    JdbcColumns<R> columns = statements.columns;
    tx.jdbc(statements.insert, statements.insertQuery, true, statement -> {
      for (int i = 0; i < columns.size(); i++) {
        columns.bind(statement, i + 1, i, row.get(i));
      }
      return statement.executeUpdate();
    });
    return entity;
  }

  /** The table's statements, rendered once per database. */
  private KitStatements<R> statements() {
    return tx.rendered(table, table.renderStatements());
  }

  /**
   * @param id the id
   * @return the entity, or empty when none has this id
   */
  public Optional<E> findById(I id) {
    Objects.requireNonNull(id, "id");
    R row = statements().byId.fetchOrNull(tx, id.value());
    return row == null ? Optional.empty() : Optional.of(table.toEntity(row));
  }

  /**
   * Writes every column but {@code id} and {@code created_at} if the stored version is still
   * {@code entity.version()}, and increments it.
   *
   * @param entity the changed entity, carrying the version it was read at
   * @return the entity as stored, at the next version
   * @throws ConcurrentUpdateException when the stored version differs (someone else updated)
   * @throws NotFoundException when no entity has this id
   * @throws dev.appdb.domain.error.DuplicateKeyException when a unique key would be broken
   */
  public E update(E entity) {
    Objects.requireNonNull(entity, table.entity());
    long next = entity.version() + 1;
    R row = table.toRecord(entity);
    row.set(table.version(), next);
    row.changed(table.id(), false);
    row.changed(table.createdAt(), false);
    KitStatements<R> statements = statements();
    int updated;
    if (statements.jdbc()) {
      JdbcColumns<R> columns = statements.columns;
      updated = tx.jdbc(statements.update, statements.updateQuery, true, statement -> {
        int parameter = 1;
        for (int column : statements.updated) {
          columns.bind(statement, parameter++, column, row.get(column));
        }
        columns.bind(statement, parameter++, statements.idColumn, entity.id().value());
        columns.bind(statement, parameter, statements.versionColumn, entity.version());
        return statement.executeUpdate();
      });
    } else {
      updated = tx.dslForWrite().update(table.table()).set(row)
          .where(table.id().eq(entity.id().value()))
          .and(table.version().eq(entity.version()))
          .execute();
    }
    if (updated == 0) {
      if (findById(entity.id()).isEmpty()) {
        throw new NotFoundException(table.entity(), entity.id().value());
      }
      throw new ConcurrentUpdateException(table.entity(), entity.id().value(), entity.version());
    }
    return table.toEntity(row);
  }

  /**
   * @param id the id of the entity to delete
   * @throws NotFoundException when no entity has this id
   * @throws dev.appdb.domain.error.StillReferencedException when rows still refer to it
   */
  public void delete(I id) {
    Objects.requireNonNull(id, "id");
    KitStatements<R> statements = statements();
    int deleted = statements.jdbc()
        ? tx.jdbc(statements.delete, statements.deleteQuery, true, statement -> {
          statements.columns.bind(statement, 1, statements.idColumn, id.value());
          return statement.executeUpdate();
        })
        : tx.dslForWrite().deleteFrom(table.table()).where(table.id().eq(id.value())).execute();
    if (deleted == 0) {
      throw new NotFoundException(table.entity(), id.value());
    }
  }

  /**
   * @param after where the page starts (exclusive), or null for the first page
   * @param limit the most entities to return, 1–{@value #MAX_PAGE_SIZE}
   * @return the page in ({@code created_at}, {@code id}) order, with the next page's cursor
   * @throws ValidationException naming {@code limit} when it is out of range
   */
  public Page<E> list(Cursor after, int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new ValidationException(
          "limit", "must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
    }
    var ordered = tx.dsl().selectFrom(table.table())
        .orderBy(table.createdAt(), table.id());
    var page = after == null ? ordered.limit(limit + 1)
        : ordered.seek(after.createdAt(), after.id()).limit(limit + 1);
    List<E> entities = page.fetch(table::toEntity);
    if (entities.size() <= limit) {
      return new Page<>(entities, null);
    }
    List<E> shown = entities.subList(0, limit);
    return new Page<>(shown, Cursor.after(shown.get(limit - 1)));
  }

  /** @return the number of entities in the table */
  public long count() {
    return tx.dsl().fetchCount(table.table());
  }
}
