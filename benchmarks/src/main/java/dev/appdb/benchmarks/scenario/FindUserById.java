package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Find a user by id in a read-only unit of work (one select, one thread). */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FindUserById {

  /**
   * @param db the trial's database
   * @param cursor which seeded user to read
   * @return the user
   */
  @Benchmark
  public Optional<User> appdb(BenchmarkDatabase db, SeedCursor cursor) {
    UserId id = db.seededId(cursor.next());
    return db.transactions().readOnly(tx -> tx.users().findById(id));
  }

  /**
   * @param db the trial's database
   * @param cursor which seeded user to read
   * @return the user
   * @throws SQLException when the database fails
   */
  @Benchmark
  public Optional<User> jdbc(BenchmarkDatabase db, SeedCursor cursor) throws SQLException {
    UserId id = db.seededId(cursor.next());
    return db.jdbc().readOnly(connection -> db.users().findById(connection, id));
  }
}
