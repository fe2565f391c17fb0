package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Update one user's profile per unit of work with the optimistic version check (one
 * {@code update ... where id = ? and version = ?}, one commit). Each thread owns one seeded user
 * and carries its current version from call to call, as a client holding the row would.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class UpdateUser {

  /** The user one thread updates, at its current version. */
  @State(Scope.Thread)
  public static class OwnUser {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private User current;
    private boolean renamed;

    /**
     * Reads this thread's user.
     *
     * @param db the trial's database
     * @throws SQLException when the database fails
     */
    @Setup(Level.Trial)
    public void read(BenchmarkDatabase db) throws SQLException {
      UserId id = db.seededId(THREADS.getAndIncrement());
      current = db.jdbc().readOnly(connection -> db.users().findById(connection, id))
          .orElseThrow();
    }

    /** @return the user with its other name, at its current version */
    User changed() {
      renamed = !renamed;
      return current.withProfile(renamed ? "Grace" : "Ada", renamed ? "Hopper" : "Lovelace",
          current.email(), Instant.now());
    }

    /** @param stored the user as the update stored it */
    User stored(User stored) {
      current = stored;
      return stored;
    }
  }

  /**
   * @param db the trial's database
   * @param user this thread's user
   * @return the stored user, version incremented
   */
  @Benchmark
  public User appdb(BenchmarkDatabase db, OwnUser user) {
    User changed = user.changed();
    return user.stored(db.transactions().inTransaction(tx -> tx.users().update(changed)));
  }

  /**
   * @param db the trial's database
   * @param user this thread's user
   * @return the stored user, version incremented
   * @throws SQLException when the database fails or the version was stale
   */
  @Benchmark
  public User jdbc(BenchmarkDatabase db, OwnUser user) throws SQLException {
    User changed = user.changed();
    return user.stored(db.jdbc().inTransaction(
        connection -> db.users().update(connection, changed)));
  }
}
