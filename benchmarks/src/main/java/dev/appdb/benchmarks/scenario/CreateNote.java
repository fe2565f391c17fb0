package dev.appdb.benchmarks.scenario;

import dev.appdb.benchmarks.fixture.BenchmarkDatabase;
import dev.appdb.benchmarks.notes.Note;
import dev.appdb.benchmarks.notes.NoteRepository;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Create one note for a seeded user per unit of work through the notes' kit repository (one
 * insert checked against its foreign key, one commit).
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CreateNote {

  /**
   * @param db the trial's database
   * @param cursor whose note it is
   * @return the stored note
   */
  @Benchmark
  public Note appdb(BenchmarkDatabase db, SeedCursor cursor) {
    Note note = Note.write(db.seededId(cursor.next()), "A new note", Instant.now());
    return db.transactions().inTransaction(
        tx -> tx.repository(NoteRepository.class).create(note));
  }

  /**
   * @param db the trial's database
   * @param cursor whose note it is
   * @return the stored note
   * @throws SQLException when the database fails
   */
  @Benchmark
  public Note jdbc(BenchmarkDatabase db, SeedCursor cursor) throws SQLException {
    Note note = Note.write(db.seededId(cursor.next()), "A new note", Instant.now());
    return db.jdbc().inTransaction(connection -> {
      db.notes().create(connection, note);
      return note;
    });
  }
}
