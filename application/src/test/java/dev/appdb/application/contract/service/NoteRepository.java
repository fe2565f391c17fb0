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

  /**
   * Rewrites every note's body with a statement sent the way a careless repository might: past
   * the unit's own check for writes (on jOOQ, {@code tx.dsl()} instead of
   * {@code tx.dslForWrite()}), so that only the database itself can refuse it in a read-only unit.
   *
   * @param body the new body
   * @return the number of notes rewritten
   */
  int rewriteAllPastTheWriteCheck(String body);
}
