package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.appdb.application.port.Transactions}, for every adapter. */
public abstract class TransactionsContractTest extends ContractTest {

  @Test
  void aUnitOfWorkThatThrowsPersistsNothing() {
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      User user = tx.users().create(newUser("Doomed", "doomed@example.com", Instant.now()));
      tx.identities().link(new UserIdentity(new Issuer("https://idp.example"),
          new Subject("doomed"), user.id(), Instant.now()));
      throw boom;
    })).isSameAs(boom);

    assertThat(userCount()).isZero();
    assertThat(findIdentity(new Issuer("https://idp.example"), "doomed")).isEmpty();
  }

  @Test
  void aFailedWriteInsideALargerUnitRollsBackTheWholeUnit() {
    save(newUser("First", "first@example.com", Instant.now()));

    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      tx.users().create(newUser("Kept?", "kept@example.com", Instant.now()));
      return tx.users().create(newUser("Clash", "FIRST@example.com", Instant.now()));
    })).isInstanceOf(DuplicateEmailException.class);

    assertThat(userCount()).isEqualTo(1);
    // the pooled connections are clean for the next unit of work
    for (int i = 0; i < POOL_SIZE * 2; i++) {
      save(newUser("After" + i, null, Instant.now()));
    }
    assertThat(userCount()).isEqualTo(1 + POOL_SIZE * 2);
  }

  @Test
  void afterAFailedStatementTheUnitCannotGoOnAndRollsBackEvenIfTheErrorIsSwallowed() {
    save(newUser("Taken", "taken@example.com", Instant.now()));

    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      try {
        tx.users().create(newUser("Clash", "TAKEN@example.com", Instant.now()));
      } catch (DuplicateEmailException expected) {
        tx.users().create(newUser("Instead", null, Instant.now()));
      }
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("rethrow");

    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      tx.users().create(newUser("Before", null, Instant.now()));
      try {
        tx.users().create(newUser("Clash", "TAKEN@example.com", Instant.now()));
      } catch (DuplicateEmailException swallowed) {
        // returning normally must not commit "Before"
      }
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("rolled back");

    assertThat(userCount()).isEqualTo(1);
  }

  @Test
  void theWorksOwnExceptionPassesThroughUnchangedEvenWithADatabaseErrorAsItsCause() {
    class SearchBusyException extends RuntimeException {
      SearchBusyException(Throwable cause) {
        super("search busy", cause);
      }
    }
    SearchBusyException own = new SearchBusyException(new java.sql.SQLException("x", "57014"));

    assertThatThrownBy(() -> transactions().inTransaction(tx -> {
      tx.users().create(newUser("Doomed", null, Instant.now()));
      throw own;
    })).isSameAs(own);
    assertThat(userCount()).isZero();
  }

  @Test
  void aWriteInAReadOnlyUnitFailsAndWritesNothing() {
    assertThatThrownBy(() -> transactions().readOnly(
        tx -> tx.users().create(newUser("Sneaky", null, Instant.now()))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("read-only");

    assertThat(userCount()).isZero();
    save(newUser("Writable", null, Instant.now()));
    assertThat(userCount()).isEqualTo(1);
  }

  @Test
  void repositoriesFailOnceTheirUnitOfWorkEnded() {
    AtomicReference<UnitOfWork> leaked = new AtomicReference<>();
    transactions().inTransaction(tx -> {
      leaked.set(tx);
      return null;
    });

    assertThatThrownBy(() -> leaked.get().users().count())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended");
  }

  @Test
  void ofTwoConcurrentWritersOfOneVersionExactlyOneWins() throws Exception {
    User user = save(newUser("Contended", null, Instant.now()));
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<User>> writers = new ArrayList<>();
      for (String name : List.of("Alice", "Bob")) {
        writers.add(pool.submit(() -> {
          try {
            together.await(60, TimeUnit.SECONDS);
          } catch (TimeoutException e) {
            throw new AssertionError("the other writer did not start within 60 s", e);
          }
          return transactions().inTransaction(tx -> {
            User updated = tx.users().update(user.withProfile(name, "Writer", null, Instant.now()));
            LockSupport.parkNanos(50_000_000L); // hold the row while the other writer arrives
            return updated;
          });
        }));
      }
      List<String> winners = new ArrayList<>();
      List<Throwable> losers = new ArrayList<>();
      for (Future<User> writer : writers) {
        try {
          winners.add(writer.get(60, TimeUnit.SECONDS).firstName());
        } catch (ExecutionException e) {
          losers.add(e.getCause());
        } catch (TimeoutException e) {
          throw new AssertionError("a writer did not end within 60 s", e);
        }
      }

      assertThat(winners).as("winners (losers: %s)", losers).hasSize(1);
      assertThat(losers).singleElement().isInstanceOf(ConcurrentUpdateException.class);
      User stored = findUser(user.id()).orElseThrow();
      assertThat(stored.firstName()).isEqualTo(winners.get(0));
      assertThat(stored.version()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aReaderIsNotBlockedByAnOpenWriterAndSeesOnlyCommittedRows() throws Exception {
    save(newUser("Committed", null, Instant.now()));
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch readDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<User> writer = pool.submit(() -> transactions().inTransaction(tx -> {
        User user = tx.users().create(newUser("Uncommitted", null, Instant.now()));
        written.countDown();
        awaitInsideUnit(readDone, "the reader's read");
        return user;
      }));
      assertThat(written.await(60, TimeUnit.SECONDS)).as("the writer wrote its row").isTrue();

      long seen = userCount(); // must not wait for the writer, which waits for this read

      readDone.countDown();
      assertThat(writer).as("the writer's unit").succeedsWithin(Duration.ofSeconds(60));
      assertThat(seen).isEqualTo(1);
      assertThat(userCount()).isEqualTo(2);
    } finally {
      readDone.countDown();
      pool.shutdownNow();
    }
  }

  /** Units of work take no checked exceptions; a wait that runs out fails the unit. */
  private static void awaitInsideUnit(CountDownLatch latch, String what) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError(what + " did not happen within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void concurrentReadThenWriteUnitsAllCommit() throws Exception {
    User seed = save(newUser("Seed", null, Instant.parse("2024-01-01T00:00:00Z")));
    int threads = 8;
    int unitsPerThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        tasks.add(() -> {
          for (int i = 0; i < unitsPerThread; i++) {
            int unit = i;
            transactions().inTransaction(tx -> {
              // read first, then write: the lock upgrade that fails on SQLite's defaults
              tx.users().findById(seed.id()).orElseThrow();
              return tx.users().create(newUser("T" + thread + "U" + unit, null, Instant.now()));
            });
          }
          return unitsPerThread;
        });
      }
      int committed = 0;
      // units that take milliseconds each; the bound only ends a hang (cancelling what runs)
      for (Future<Integer> done : pool.invokeAll(tasks, 120, TimeUnit.SECONDS)) {
        assertThat(done.isCancelled()).as("a writer thread still running after 120 s").isFalse();
        committed += done.get();
      }
      assertThat(committed).isEqualTo(threads * unitsPerThread);
    } finally {
      pool.shutdownNow();
    }

    assertThat(userCount()).isEqualTo(1 + threads * unitsPerThread);
  }
}
