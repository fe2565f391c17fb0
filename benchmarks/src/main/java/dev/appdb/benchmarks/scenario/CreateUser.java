package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Create one user per unit of work (one insert, one commit). */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CreateUser {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  /**
   * @param db the trial's database
   * @return the stored user
   */
  @Benchmark
  public User appdb(BenchmarkDatabase db) {
    User user = newUser();
    return db.transactions().inTransaction(tx -> tx.users().create(user));
  }

  /**
   * @param db the trial's database
   * @return the stored user
   * @throws SQLException when the database fails
   */
  @Benchmark
  public User jdbc(BenchmarkDatabase db) throws SQLException {
    User user = newUser();
    return db.jdbc().inTransaction(connection -> {
      db.users().create(connection, user);
      return user;
    });
  }

  /** A new user with an email no other user has. */
  private static User newUser() {
    return User.register("Ada", "Lovelace",
        new Email("new-" + SEQUENCE.incrementAndGet() + "@bench.example"), Instant.now());
  }
}
