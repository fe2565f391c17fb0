package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.application.health.HealthReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The probe: up with a round trip and the server's version, ready on a migrated database,
 * alive; and health answers within its bound (2 s) while every connection of the pool is held,
 * reporting down, then up again once one is free.
 */
public abstract class ProbeContractTest extends ContractTest {

  private static final long BOUND_MILLIS = 2_000;
  private static final long SLACK_MILLIS = 1_000;

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
    List<Thread> holders = new ArrayList<>();
    for (int i = 0; i < POOL_SIZE; i++) {
      Thread holder = new Thread(() -> transactions().readOnly(tx -> {
        held.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return tx.users().count();
      }));
      holder.start();
      holders.add(holder);
    }
    try {
      assertThat(held.await(10, TimeUnit.SECONDS)).as("every connection held").isTrue();
      long start = System.nanoTime();
      HealthReport exhausted = database().probe().health();
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

      assertThat(exhausted.up()).isFalse();
      assertThat(millis).isLessThanOrEqualTo(BOUND_MILLIS + SLACK_MILLIS);
      assertThat(database().probe().poolStatus().checkedOut()).isEqualTo(POOL_SIZE);
    } finally {
      release.countDown();
      for (Thread holder : holders) {
        holder.join(30_000);
      }
    }
    HealthReport again = awaitUp();
    assertThat(again.up()).as(String.valueOf(again.error())).isTrue();
  }

  private HealthReport awaitUp() throws InterruptedException {
    HealthReport report = database().probe().health();
    for (int i = 0; i < 20 && !report.up(); i++) {
      Thread.sleep(100);
      report = database().probe().health();
    }
    return report;
  }
}
