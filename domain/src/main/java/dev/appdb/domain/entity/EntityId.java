package dev.appdb.domain.entity;

import java.util.UUID;

/**
 * The typed id of an {@link Entity}: a record over a time-ordered (version 7) UUID, one type per
 * entity, so an order's id cannot be passed where a user's is expected.
 *
 * <pre>{@code
 * public record OrderId(UUID value) implements EntityId {
 *   public OrderId { EntityRules.requireId("orderId", value); }
 *   public static OrderId generate() { return new OrderId(EntityRules.newId()); }
 * }
 * }</pre>
 */
public interface EntityId {

  /** @return the UUID; stored as {@code uuid} (PostgreSQL) or canonical text (SQLite) */
  UUID value();
}
