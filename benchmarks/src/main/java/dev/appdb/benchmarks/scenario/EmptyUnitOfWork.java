package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * An empty unit of work: checkout, begin, commit, return. Against the same protocol in JDBC, and
 * against the pool's floor, a bare {@code getConnection()}/{@code close()}.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EmptyUnitOfWork {

  /**
   * @param db the trial's database
   * @return a constant, from inside the unit of work
   */
  @Benchmark
  public Boolean appdb(BenchmarkDatabase db) {
    return db.transactions().inTransaction(tx -> Boolean.TRUE);
  }

  /**
   * @param db the trial's database
   * @return a constant, from inside the transaction
   * @throws SQLException when the database fails
   */
  @Benchmark
  public Boolean jdbc(BenchmarkDatabase db) throws SQLException {
    return db.jdbc().inTransaction(connection -> Boolean.TRUE);
  }

  /**
   * @param db the trial's database
   * @return whether the checked-out connection was open
   * @throws SQLException when the pool fails
   */
  @Benchmark
  public boolean jdbcCheckoutOnly(BenchmarkDatabase db) throws SQLException {
    try (Connection connection = db.pool().getConnection()) {
      return !connection.isClosed();
    }
  }
}
