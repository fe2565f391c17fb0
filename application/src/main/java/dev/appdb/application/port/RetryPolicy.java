package dev.appdb.application.port;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How appdb runs a unit of work again, the one policy for every retry: at most
 * {@code maxAttempts} runs in all. The adapter's {@code RetryingTransactions} waits between runs
 * after a failure the database may overcome, from {@code firstDelay}, doubling up to
 * {@code maxDelay}, each wait varied by up to a quarter (jitter, so that units that collided do not
 * collide again); {@link #rerunLostRaces} reruns at once a unit that lost a race with a
 * concurrent writer (sign-in, import).
 *
 * @param maxAttempts runs in all, the first included: 2–10
 * @param firstDelay the wait before the second run: 1 ms to 10 s
 * @param maxDelay the longest wait: at least {@code firstDelay}, at most 60 s
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

  /** Three runs, 20 ms then 40 ms apart (capped at 1 s). */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(1));

  /** @throws IllegalArgumentException naming the component and its limit */
  public RetryPolicy {
    if (maxAttempts < 2 || maxAttempts > 10) {
      throw new IllegalArgumentException("maxAttempts must be 2-10, was " + maxAttempts);
    }
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (firstDelay.toMillis() < 1 || firstDelay.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException(
          "firstDelay must be 1 ms to 10 s, was " + firstDelay.toMillis() + " ms");
    }
    if (maxDelay.compareTo(firstDelay) < 0 || maxDelay.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("maxDelay must be firstDelay (" + firstDelay.toMillis()
          + " ms) to 60 s, was " + maxDelay.toMillis() + " ms");
    }
  }

  /**
   * Runs {@code unit} again at once when it lost a race with a concurrent writer, e.g. a unique
   * rule broken by a row committed between its lookups and its insert: the next run sees the
   * winner's committed rows and decides on them. Up to {@link #maxAttempts()} runs in all.
   *
   * @param unit one whole unit of work, e.g. {@code () -> transactions.inTransaction(...)}
   * @param lostRace which failures mean a lost race, e.g. {@code DuplicateException.class::isInstance}
   * @param <T> its result
   * @return what the first run that did not lose a race returned
   * @throws RuntimeException the last run's failure when every run lost; any other failure of
   *     {@code unit} at once
   */
  public <T> T rerunLostRaces(Supplier<T> unit, Predicate<RuntimeException> lostRace) {
    RuntimeException lost = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        return unit.get();
      } catch (RuntimeException failure) {
        if (!lostRace.test(failure)) {
          throw failure;
        }
        lost = failure;
      }
    }
    throw lost;
  }
}
