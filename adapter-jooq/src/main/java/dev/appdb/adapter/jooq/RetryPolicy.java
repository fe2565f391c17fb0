package dev.appdb.adapter.jooq;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RetryingTransactions} retries a unit of work: at most {@code maxAttempts} runs in
 * all, waiting between them from {@code firstDelay}, doubling up to {@code maxDelay}, each wait
 * varied by up to a quarter (jitter, so that units that collided do not collide again).
 *
 * @param maxAttempts runs in all, the first included: 2–10
 * @param firstDelay the wait before the second run: 1 ms to 10 s, never null
 * @param maxDelay the longest wait: at least {@code firstDelay}, at most 60 s, never null
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
}
