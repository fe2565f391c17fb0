package dev.appdb.domain.entity;

import java.util.List;

/**
 * One page of entities in listing order ({@code createdAt}, then {@code id}).
 *
 * @param items the entities of this page, at most the requested limit; copied, unmodifiable
 * @param next where the next page starts, or null when this is the last page
 * @param <E> the entity type
 */
public record Page<E>(List<E> items, Cursor next) {

  /** Copies {@code items} into an unmodifiable list. */
  public Page {
    items = List.copyOf(items);
  }
}
