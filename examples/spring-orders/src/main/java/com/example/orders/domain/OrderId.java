package com.example.orders.domain;

import dev.appdb.domain.entity.EntityId;
import dev.appdb.domain.entity.EntityRules;
import java.util.UUID;

/**
 * An order's id: a time-ordered UUID (version 7).
 *
 * @param value the UUID
 */
public record OrderId(UUID value) implements EntityId {

  /** @throws dev.appdb.domain.error.ValidationException naming {@code orderId} when null */
  public OrderId {
    EntityRules.requireId("orderId", value);
  }

  /** @return a new id */
  public static OrderId generate() {
    return new OrderId(EntityRules.newId());
  }
}
