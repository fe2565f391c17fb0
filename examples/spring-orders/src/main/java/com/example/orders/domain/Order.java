package com.example.orders.domain;

import dev.appdb.domain.entity.Entity;
import dev.appdb.domain.entity.EntityRules;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.user.UserId;
import dev.appdb.domain.validation.TextRules;
import java.time.Instant;

/**
 * An order of one item by one of appdb's users, on appdb's entity kit: a typed time-ordered id,
 * creation and change times in microseconds, and a version for optimistic locking.
 *
 * @param id the order's id
 * @param userId who ordered; must be an existing user
 * @param item what was ordered, 1–200 characters, stripped, no control characters
 * @param quantity how many, 1–1000
 * @param createdAt when it was placed, UTC
 * @param updatedAt when it last changed, UTC, not before {@code createdAt}
 * @param version 0 when new, incremented by every update
 */
public record Order(OrderId id, UserId userId, String item, int quantity, Instant createdAt,
    Instant updatedAt, long version) implements Entity<OrderId> {

  /** The longest item text. */
  public static final int MAX_ITEM_LENGTH = 200;
  /** The largest quantity of one order. */
  public static final int MAX_QUANTITY = 1000;

  /** @throws ValidationException naming the field and its limit */
  public Order {
    EntityRules.requireId("id", id);
    EntityRules.requireId("userId", userId);
    item = TextRules.requiredStripped("item", item, MAX_ITEM_LENGTH);
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new ValidationException("quantity",
          "must be 1-" + MAX_QUANTITY + ", was " + quantity);
    }
    createdAt = EntityRules.createdAt(createdAt);
    updatedAt = EntityRules.updatedAt(createdAt, updatedAt);
    EntityRules.requireVersion(version);
  }

  /**
   * @param userId who orders
   * @param item what, see {@link Order}
   * @param quantity how many, see {@link Order}
   * @param now the current time
   * @return a new order, version 0
   * @throws ValidationException naming the field and its limit
   */
  public static Order place(UserId userId, String item, int quantity, Instant now) {
    return new Order(OrderId.generate(), userId, item, quantity, now, now, 0);
  }

  /**
   * @param newQuantity the new quantity, see {@link Order}
   * @param now the current time
   * @return a copy with that quantity, to pass to {@link OrderRepository#update}
   * @throws ValidationException naming {@code quantity}
   */
  public Order withQuantity(int newQuantity, Instant now) {
    return new Order(id, userId, item, newQuantity, createdAt, now, version);
  }
}
