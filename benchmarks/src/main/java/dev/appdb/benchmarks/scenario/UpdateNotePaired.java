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
 * {@link UpdateNote} with appdb and JDBC side by side: one thread each, in the same JVM, at the
 * same time, so that whatever slows the machine down slows both alike. JMH reports each thread's
 * throughput ({@code update:appdb}, {@code update:jdbc}) over the same iterations. Read it on
 * PostgreSQL only: on SQLite the two sides take turns on the database's one write lock, so the
 * ratio says which side won the lock, not what a write costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class UpdateNotePaired {

  /** The measured code, the same as the benchmark run alone. */
  private static final UpdateNote SINGLE = new UpdateNote();

  /**
   * @param db the trial's database
   * @param note this thread's note (each side updates its own)
   * @return the stored note, version incremented
   */
  @Benchmark
  @Group("update")
  @GroupThreads(1)
  public Note appdb(BenchmarkDatabase db, UpdateNote.OwnNote note) {
    return SINGLE.appdb(db, note);
  }

  /**
   * @param db the trial's database
   * @param note this thread's note (each side updates its own)
   * @return the stored note, version incremented
   * @throws SQLException when the database fails or the version was stale
   */
  @Benchmark
  @Group("update")
  @GroupThreads(1)
  public Note jdbc(BenchmarkDatabase db, UpdateNote.OwnNote note) throws SQLException {
    return SINGLE.jdbc(db, note);
  }
}
