package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.benchmarks.notes.Note;
import dev.appdb.benchmarks.notes.NoteId;
import dev.appdb.benchmarks.notes.NoteRepository;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Pin and unpin one note per unit of work through the notes' kit repository, with the
 * optimistic version check (one {@code update ... where id = ? and version = ?}, one commit).
 * Each thread owns one seeded note and carries its current version from call to call.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class UpdateNote {

  /** The note one thread updates, at its current version. */
  @State(Scope.Thread)
  public static class OwnNote {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private Note current;

    /**
     * Reads this thread's note.
     *
     * @param db the trial's database
     * @throws SQLException when the database fails
     */
    @Setup(Level.Trial)
    public void read(BenchmarkDatabase db) throws SQLException {
      NoteId id = db.seededNoteId(THREADS.getAndIncrement());
      current = db.jdbc().readOnly(connection -> db.notes().findById(connection, id))
          .orElseThrow();
    }

    /** @return the note pinned or unpinned, at its current version */
    Note changed() {
      return current.togglePinned(Instant.now());
    }

    /** @param stored the note as the update stored it */
    Note stored(Note stored) {
      current = stored;
      return stored;
    }
  }

  /**
   * @param db the trial's database
   * @param note this thread's note
   * @return the stored note, version incremented
   */
  @Benchmark
  public Note appdb(BenchmarkDatabase db, OwnNote note) {
    Note changed = note.changed();
    return note.stored(db.transactions().inTransaction(
        tx -> tx.repository(NoteRepository.class).update(changed)));
  }

  /**
   * @param db the trial's database
   * @param note this thread's note
   * @return the stored note, version incremented
   * @throws SQLException when the database fails or the version was stale
   */
  @Benchmark
  public Note jdbc(BenchmarkDatabase db, OwnNote note) throws SQLException {
    Note changed = note.changed();
    return note.stored(db.jdbc().inTransaction(
        connection -> db.notes().update(connection, changed)));
  }
}
