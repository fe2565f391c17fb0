package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.benchmarks.notes.Note;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * {@link CreateNote} with appdb and JDBC side by side: one thread each, in the same JVM, at the
 * same time, so that whatever slows the machine down slows both alike. JMH reports each thread's
 * throughput ({@code create:appdb}, {@code create:jdbc}) over the same iterations. Read it on
 * PostgreSQL only: on SQLite the two sides take turns on the database's one write lock, so the
 * ratio says which side won the lock, not what a write costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CreateNotePaired {

  /** The measured code, the same as the benchmark run alone. */
  private static final CreateNote SINGLE = new CreateNote();

  /**
   * @param db the trial's database
   * @param cursor whose note it is
   * @return the stored note
   */
  @Benchmark
  @Group("create")
  @GroupThreads(1)
  public Note appdb(BenchmarkDatabase db, SeedCursor cursor) {
    return SINGLE.appdb(db, cursor);
  }

  /**
   * @param db the trial's database
   * @param cursor whose note it is
   * @return the stored note
   * @throws SQLException when the database fails
   */
  @Benchmark
  @Group("create")
  @GroupThreads(1)
  public Note jdbc(BenchmarkDatabase db, SeedCursor cursor) throws SQLException {
    return SINGLE.jdbc(db, cursor);
  }
}
