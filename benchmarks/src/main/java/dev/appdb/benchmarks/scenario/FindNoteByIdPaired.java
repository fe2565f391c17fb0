package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.benchmarks.notes.Note;
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
 * {@link FindNoteById} with appdb and JDBC side by side: one thread each, in the same JVM, at the
 * same time, so that whatever slows the machine down slows both alike. JMH reports each thread's
 * throughput ({@code find:appdb}, {@code find:jdbc}) over the same iterations.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FindNoteByIdPaired {

  /** The measured code, the same as the benchmark run alone. */
  private static final FindNoteById SINGLE = new FindNoteById();

  /**
   * @param db the trial's database
   * @param cursor which seeded note to read
   * @return the note
   */
  @Benchmark
  @Group("find")
  @GroupThreads(1)
  public Optional<Note> appdb(BenchmarkDatabase db, SeedCursor cursor) {
    return SINGLE.appdb(db, cursor);
  }

  /**
   * @param db the trial's database
   * @param cursor which seeded note to read
   * @return the note
   * @throws SQLException when the database fails
   */
  @Benchmark
  @Group("find")
  @GroupThreads(1)
  public Optional<Note> jdbc(BenchmarkDatabase db, SeedCursor cursor) throws SQLException {
    return SINGLE.jdbc(db, cursor);
  }
}
