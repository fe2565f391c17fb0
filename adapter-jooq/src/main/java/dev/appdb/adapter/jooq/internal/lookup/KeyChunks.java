package dev.appdb.adapter.jooq.internal.lookup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Splits the keys of a lookup of many rows into {@code IN} lists small enough for one statement
 * each: {@value #SIZE} keys, so even two bind variables per key stay far below SQLite's limit of
 * 32,766 bind variables per statement ({@code SQLITE_MAX_VARIABLE_NUMBER} since 3.32) and
 * PostgreSQL's 65,535 (the wire protocol's 16-bit parameter count).
 */
public final class KeyChunks {

  /** The most keys one statement carries. */
  public static final int SIZE = 1000;

  private KeyChunks() {}

  /**
   * @param name the parameter the keys came in, for the error message, e.g. {@code "ids"}
   * @param keys the keys, any number, none null
   * @param column turns a key into the value bound for it
   * @param <K> the key type
   * @param <V> the bound value's type
   * @return the distinct values, in first-seen order, in lists of at most {@value #SIZE}; empty
   *     when {@code keys} is
   * @throws NullPointerException naming {@code name} when {@code keys} is or holds null
   */
  public static <K, V> List<List<V>> of(String name, Collection<K> keys, Function<K, V> column) {
    LinkedHashSet<V> distinct = new LinkedHashSet<>();
    for (K key : Objects.requireNonNull(keys, name)) {
      distinct.add(column.apply(Objects.requireNonNull(key, () -> name + " must not hold null")));
    }
    List<V> all = new ArrayList<>(distinct);
    List<List<V>> chunks = new ArrayList<>();
    for (int start = 0; start < all.size(); start += SIZE) {
      chunks.add(all.subList(start, Math.min(all.size(), start + SIZE)));
    }
    return chunks;
  }
}
