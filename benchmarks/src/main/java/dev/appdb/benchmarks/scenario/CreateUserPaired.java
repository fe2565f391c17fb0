package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.domain.user.User;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * {@link CreateUser} with appdb and JDBC side by side: one thread each, in the same JVM, at the
 * same time, so that whatever slows the machine down slows both alike. JMH reports each thread's
 * throughput ({@code create:appdb}, {@code create:jdbc}) over the same iterations. Read it on
 * PostgreSQL only: on SQLite the two sides take turns on the database's one write lock, so the
 * ratio says which side won the lock, not what a write costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CreateUserPaired {

  /** The measured code, the same as the benchmark run alone. */
  private static final CreateUser SINGLE = new CreateUser();

  /**
   * @param db the trial's database
   * @return the stored user
   */
  @Benchmark
  @Group("create")
  @GroupThreads(1)
  public User appdb(BenchmarkDatabase db) {
    return SINGLE.appdb(db);
  }

  /**
   * @param db the trial's database
   * @return the stored user
   * @throws SQLException when the database fails
   */
  @Benchmark
  @Group("create")
  @GroupThreads(1)
  public User jdbc(BenchmarkDatabase db) throws SQLException {
    return SINGLE.jdbc(db);
  }
}
