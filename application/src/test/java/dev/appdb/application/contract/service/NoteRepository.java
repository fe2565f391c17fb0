package dev.appdb.application.contract.service;

import dev.appdb.domain.user.UserId;
import java.util.List;

/** A service's own repository port, registered with the adapter under test. */
public interface NoteRepository {

  /**
   * @param note a new note
   * @return {@code note}
   */
  Note create(Note note);

  /**
   * @param userId a user
   * @return the user's notes, in no particular order
   */
  List<Note> listForUser(UserId userId);

  /** @return the number of notes */
  long count();
}
