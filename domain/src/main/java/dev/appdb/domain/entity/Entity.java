package dev.appdb.domain.entity;

import java.time.Instant;

/**
 * The shape every table of appdb and of a service built on it shares: a typed, time-ordered id,
 * creation and last-change times in UTC microseconds, and a version for optimistic locking. An
 * entity is an immutable record validated in its compact constructor with {@link EntityRules}.
 *
 * <p>Columns: {@code id} (primary key), {@code created_at}, {@code updated_at}, {@code version}
 * ({@code bigint}, 0 when new, incremented by every update). The listing order is
 * ({@code created_at}, {@code id}), see {@link Cursor}.
 *
 * @param <I> the entity's id type
 */
public interface Entity<I extends EntityId> {

  /** @return the id */
  I id();

  /** @return when the entity was created, UTC, truncated to microseconds */
  Instant createdAt();

  /**
   * @return when the entity last changed, UTC, truncated to microseconds, never
   *     before {@link #createdAt()}
   */
  Instant updatedAt();

  /** @return the optimistic-locking version: 0 when new, incremented by every update */
  long version();
}
