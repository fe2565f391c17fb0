package com.example.orders.adapter;

import static com.example.orders.schema.Tables.ORDERS;

import com.example.orders.domain.Order;
import com.example.orders.domain.OrderId;
import com.example.orders.domain.OrderRepository;
import com.example.orders.schema.tables.records.OrdersRecord;
import dev.appdb.adapter.jooq.kit.EntityTable;
import dev.appdb.adapter.jooq.kit.JooqEntityRepository;
import dev.appdb.adapter.jooq.kit.KitRecords;
import dev.appdb.adapter.jooq.kit.TransactionContext;
import dev.appdb.domain.user.UserId;
import java.util.List;

/**
 * The orders' repository on appdb's kit: create, find by id, optimistic update, keyset list and
 * count come from {@link JooqEntityRepository}; this class adds the lookup by user. Package-private:
 * the service sees only {@link OrderRepository}, registered by {@link OrdersConfiguration}.
 */
final class JooqOrderRepository extends JooqEntityRepository<OrdersRecord, Order, OrderId>
    implements OrderRepository {

  /** The {@code orders} table as the kit sees it, with its two mappings. */
  static final EntityTable<OrdersRecord, Order, OrderId> ORDERS_TABLE = EntityTable.of(
      "order", ORDERS, JooqOrderRepository::toOrder, JooqOrderRepository::toRecord);

  JooqOrderRepository(TransactionContext tx) {
    super(tx, ORDERS_TABLE);
  }

  @Override
  public List<Order> listForUser(UserId userId) {
    return tx().dsl().selectFrom(ORDERS).where(ORDERS.USER_ID.eq(userId.value()))
        .orderBy(ORDERS.CREATED_AT, ORDERS.ID).fetch(JooqOrderRepository::toOrder);
  }

  private static Order toOrder(OrdersRecord row) {
    return new Order(new OrderId(row.getId()), new UserId(row.getUserId()), row.getItem(),
        row.getQuantity(), row.getCreatedAt(), row.getUpdatedAt(), row.getVersion());
  }

  private static OrdersRecord toRecord(Order order) {
    // attached first: a detached record copies jOOQ's default settings when its key is set
    OrdersRecord row = KitRecords.attached(new OrdersRecord());
    row.setId(order.id().value());
    row.setUserId(order.userId().value());
    row.setItem(order.item());
    row.setQuantity(order.quantity());
    row.setCreatedAt(order.createdAt());
    row.setUpdatedAt(order.updatedAt());
    row.setVersion(order.version());
    return row;
  }
}
