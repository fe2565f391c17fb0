package dev.appdb.benchmarks.scenario;

import dev.appdb.application.health.HealthReport;
import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The health check of readiness probes: appdb's probe (checkout, {@code Connection.isValid},
 * server version) against the same calls in JDBC.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HealthCheck {

  private static final int TIMEOUT_SECONDS = 5;

  /**
   * @param db the trial's database
   * @return the report
   * @throws IllegalStateException when the database is down
   */
  @Benchmark
  public HealthReport appdb(BenchmarkDatabase db) {
    HealthReport report = db.appdb().probe().health();
    if (!report.up()) {
      throw new IllegalStateException("database down: " + report.error());
    }
    return report;
  }

  /**
   * @param db the trial's database
   * @return the server's name and version
   * @throws SQLException when the database fails or does not answer
   */
  @Benchmark
  public String jdbc(BenchmarkDatabase db) throws SQLException {
    try (Connection connection = db.pool().getConnection()) {
      if (!connection.isValid(TIMEOUT_SECONDS)) {
        throw new SQLException("no answer within " + TIMEOUT_SECONDS + " s");
      }
      DatabaseMetaData meta = connection.getMetaData();
      return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }
  }
}
