package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.application.health.HealthReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The probe: up with a round trip and the server's version, ready on a migrated database,
 * alive; and health answers within its bound (2 s) while every connection of the pool is held,
 * reporting down, then up again once one is free.
 */
public abstract class ProbeContractTest extends ContractTest {

  private static final long BOUND_MILLIS = 2_000;
  /**
   * What a loaded machine may add to the bound (a stalled JVM, another process on the cores).
   * Health without its own bound would wait for the pool's checkout timeout, 10 s or more in
   * every adapter's suite (or for the holders' release, later still): 2 s + 5 s still tells the
   * two apart.
   */
  private static final long SLACK_MILLIS = 5_000;
  /** For what takes milliseconds: long enough for any stall, short of a hang. */
  private static final long WAIT_SECONDS = 60;

  @Test
  void aMigratedDatabaseIsUpReadyAndAlive() {
    HealthReport health = database().probe().health();
    HealthReport readiness = database().probe().readiness();

    assertThat(health.up()).as(String.valueOf(health.error())).isTrue();
    assertThat(health.roundTrip()).isPositive();
    assertThat(health.database()).isNotBlank();
    assertThat(readiness.ready()).as(String.valueOf(readiness.error())).isTrue();
    assertThat(readiness.schema()).first()
        .satisfies(set -> assertThat(set.set()).isEqualTo("appdb"))
        .satisfies(set -> assertThat(set.pending()).isZero());
    assertThat(database().probe().alive()).isTrue();
  }

  @Test
  void healthAnswersWithinItsBoundWhileThePoolIsExhausted() throws Exception {
    CountDownLatch held = new CountDownLatch(POOL_SIZE);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger unreleased = new AtomicInteger();
    List<Thread> holders = new ArrayList<>();
    for (int i = 0; i < POOL_SIZE; i++) {
      Thread holder = new Thread(() -> transactions().readOnly(tx -> {
        held.countDown();
        try {
          if (!release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            unreleased.incrementAndGet(); // gives its connection back early: said below
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return tx.users().count();
      }));
      holder.start();
      holders.add(holder);
    }
    try {
      assertThat(held.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("every connection held").isTrue();
      long start = System.nanoTime();
      HealthReport exhausted = database().probe().health();
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

      assertThat(exhausted.up()).isFalse();
      assertThat(millis).as("ms health took with the pool exhausted, its bound %d ms",
          BOUND_MILLIS).isLessThanOrEqualTo(BOUND_MILLIS + SLACK_MILLIS);
      assertThat(database().probe().poolStatus().checkedOut()).isEqualTo(POOL_SIZE);
    } finally {
      release.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      for (Thread holder : holders) {
        holder.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    }
    assertThat(holders).as("connection holders still running %d s after their release",
        WAIT_SECONDS).noneMatch(Thread::isAlive);
    assertThat(unreleased).as("holders not released within %d s", WAIT_SECONDS).hasValue(0);
    HealthReport again = awaitUp();
    assertThat(again.up()).as("health %d s after the connections were free: %s", WAIT_SECONDS,
        again.error()).isTrue();
  }

  /** @return the first report that is up, else the last one of {@link #WAIT_SECONDS} */
  private HealthReport awaitUp() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    HealthReport report = database().probe().health();
    while (!report.up() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      report = database().probe().health();
    }
    return report;
  }
}
