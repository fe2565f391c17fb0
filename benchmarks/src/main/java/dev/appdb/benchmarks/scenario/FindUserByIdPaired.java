package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.domain.user.User;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * {@link FindUserById} with appdb and JDBC side by side: one thread each, in the same JVM, at the
 * same time, so that whatever slows the machine down slows both alike. JMH reports each thread's
 * throughput ({@code find:appdb}, {@code find:jdbc}) over the same iterations.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FindUserByIdPaired {

  /** The measured code, the same as the benchmark run alone. */
  private static final FindUserById SINGLE = new FindUserById();

  /**
   * @param db the trial's database
   * @param cursor which seeded user to read
   * @return the user
   */
  @Benchmark
  @Group("find")
  @GroupThreads(1)
  public Optional<User> appdb(BenchmarkDatabase db, SeedCursor cursor) {
    return SINGLE.appdb(db, cursor);
  }

  /**
   * @param db the trial's database
   * @param cursor which seeded user to read
   * @return the user
   * @throws SQLException when the database fails
   */
  @Benchmark
  @Group("find")
  @GroupThreads(1)
  public Optional<User> jdbc(BenchmarkDatabase db, SeedCursor cursor) throws SQLException {
    return SINGLE.jdbc(db, cursor);
  }
}
