package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.benchmarks.notes.Note;
import dev.appdb.benchmarks.notes.NoteId;
import dev.appdb.benchmarks.notes.NoteRepository;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Find a note by id in a read-only unit of work through a service's own repository on the
 * repository kit ({@code tx.repository(NoteRepository.class)}; one select, one thread).
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FindNoteById {

  /**
   * @param db the trial's database
   * @param cursor which seeded note to read
   * @return the note
   */
  @Benchmark
  public Optional<Note> appdb(BenchmarkDatabase db, SeedCursor cursor) {
    NoteId id = db.seededNoteId(cursor.next());
    return db.transactions().readOnly(tx -> tx.repository(NoteRepository.class).findById(id));
  }

  /**
   * @param db the trial's database
   * @param cursor which seeded note to read
   * @return the note
   * @throws SQLException when the database fails
   */
  @Benchmark
  public Optional<Note> jdbc(BenchmarkDatabase db, SeedCursor cursor) throws SQLException {
    NoteId id = db.seededNoteId(cursor.next());
    return db.jdbc().readOnly(connection -> db.notes().findById(connection, id));
  }
}
