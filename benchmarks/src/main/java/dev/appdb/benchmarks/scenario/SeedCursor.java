package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.SeedUsers;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Walks the seeded users, one per call, from a random start per thread, so concurrent threads
 * read different rows and every row is visited alike.
 */
@State(Scope.Thread)
public class SeedCursor {

  private int next;

  /** Picks this thread's starting row. */
  @Setup(Level.Trial)
  public void start() {
    next = ThreadLocalRandom.current().nextInt(SeedUsers.COUNT);
  }

  /** @return the next seeded user's index, 0 to {@link SeedUsers#COUNT} - 1 */
  public int next() {
    int index = next;
    next = index + 1 == SeedUsers.COUNT ? 0 : index + 1;
    return index;
  }
}
