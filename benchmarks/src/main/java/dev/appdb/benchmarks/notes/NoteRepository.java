package dev.appdb.benchmarks.notes;

import java.util.Optional;

/**
 * The notes' port, as a service would declare it. Obtained inside a unit of work as
 * {@code tx.repository(NoteRepository.class)} once {@link NotesModule#register} ran.
 */
public interface NoteRepository {

  /**
   * @param note a new note
   * @return the note as stored
   * @throws dev.appdb.domain.error.MissingReferenceException when its user does not exist
   */
  Note create(Note note);

  /**
   * @param id a note's id
   * @return the note, or empty when there is none
   */
  Optional<Note> findById(NoteId id);

  /**
   * @param note a changed note (as read, with its version)
   * @return the stored note, version incremented
   * @throws dev.appdb.domain.error.ConcurrentUpdateException when its version is stale
   */
  Note update(Note note);
}
