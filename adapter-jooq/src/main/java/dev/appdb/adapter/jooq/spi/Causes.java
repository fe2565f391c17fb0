package dev.appdb.adapter.jooq.spi;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Walks a failure's cause chain, the one way appdb's adapters do it: from the failure itself to
 * its root, stopping at a cause that is its own cause and after {@value #MAX_DEPTH} links (a
 * chain longer than that is cyclic).
 */
public final class Causes {

  /** The longest chain walked. */
  public static final int MAX_DEPTH = 64;

  private Causes() {}

  /**
   * @param failure where to start, may be null
   * @param type what to look for
   * @param <T> its type
   * @return the first throwable of {@code type} in the chain, {@code failure} included; empty
   *     when there is none or {@code failure} is null
   */
  public static <T extends Throwable> Optional<T> first(Throwable failure, Class<T> type) {
    return first(failure, type, found -> true);
  }

  /**
   * @param failure where to start, may be null
   * @param type what to look for
   * @param test what else it must satisfy
   * @param <T> its type
   * @return the first throwable of {@code type} in the chain that passes {@code test}; empty when
   *     there is none or {@code failure} is null
   */
  public static <T extends Throwable> Optional<T> first(Throwable failure, Class<T> type,
      Predicate<? super T> test) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
      if (type.isInstance(t) && test.test(type.cast(t))) {
        return Optional.of(type.cast(t));
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return Optional.empty();
  }

  /**
   * @param failure where to start
   * @return the last throwable of the chain (the failure itself when it has no cause)
   */
  public static Throwable root(Throwable failure) {
    Throwable root = failure;
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
      root = t;
      t = t.getCause() == t ? null : t.getCause();
    }
    return root;
  }
}
