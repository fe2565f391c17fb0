package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writers of one process queue for SQLite's write lock in order: 8 threads, a pool of 4, each
 * unit reading a row, working 100 ms and updating the row, all on one row. A unit's wait for the
 * lock stays within the busy timeout, and every unit commits (SQLite's own busy handler polls, so
 * a waiter can be passed over until its timeout).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SqliteFairWritersTest {

  private static final int THREADS = 8;
  /** The scenario is 25 units of 200 ms, busy timeout 5000 ms: {@code -Dappdb.fair.*}. */
  private static final int UNITS_PER_THREAD = Integer.getInteger("appdb.fair.units", 12);
  private static final long WORK_MILLIS = Long.getLong("appdb.fair.work-ms", 100);
  private static final Duration BUSY_TIMEOUT =
      Duration.ofMillis(Long.getLong("appdb.fair.busy-ms", 2_500));

  @Test
  void everyWriterCommitsWithinItsBound() throws Exception {
    try (SqliteTestDatabase database = SqliteTestDatabase.open(4, BUSY_TIMEOUT)) {
      User user = database.transactions().inTransaction(tx -> tx.users().create(
          User.register("Fair", "Writer", new Email("fair@example.com"), Instant.now())));
      AtomicInteger committed = new AtomicInteger();
      AtomicLong longestWait = new AtomicLong();
      Map<String, AtomicInteger> failures = new java.util.concurrent.ConcurrentHashMap<>();
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        running.add(threads.submit(() -> {
          for (int i = 0; i < UNITS_PER_THREAD; i++) {
            long start = System.nanoTime();
            try {
              database.transactions().inTransaction(tx -> {
                longestWait.accumulateAndGet(
                    Duration.ofNanos(System.nanoTime() - start).toMillis(), Math::max);
                User read = tx.users().findById(user.id()).orElseThrow();
                sleep(WORK_MILLIS);
                return tx.users().update(read.withProfile("Fair", "Writer " + start,
                    read.email(), Instant.now()));
              });
              committed.incrementAndGet();
            } catch (RuntimeException e) {
              failures.computeIfAbsent(e.getClass().getSimpleName(),
                  ignored -> new AtomicInteger()).incrementAndGet();
            }
          }
        }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(280);
      for (Future<?> future : running) {
        assertThat(future).as("a writer thread's %d units", UNITS_PER_THREAD)
            .succeedsWithin(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      }
      threads.shutdown();
      System.out.println("[appdb] SQLite fair writers: committed " + committed + " of "
          + THREADS * UNITS_PER_THREAD + ", longest wait for the lock " + longestWait
          + " ms, failures " + new TreeMap<>(failures));

      assertThat(failures).isEmpty();
      assertThat(committed.get()).isEqualTo(THREADS * UNITS_PER_THREAD);
      // The configured bound itself, no slack: a turn not given within the busy timeout is
      // refused (a failure above), so only the checkout and BEGIN after a turn can go past it;
      // a writer passed over until nearly its timeout is the unfairness this test is for.
      assertThat(longestWait.get()).as("ms the longest writer waited for the lock")
          .isLessThanOrEqualTo(BUSY_TIMEOUT.toMillis());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
