package dev.appdb.benchmarks.notes;

import dev.appdb.domain.entity.Entity;
import dev.appdb.domain.entity.EntityRules;
import dev.appdb.domain.user.UserId;
import dev.appdb.domain.validation.TextRules;
import java.time.Instant;

/**
 * A user's note: the entity a service adds on appdb's entity kit, here to measure the
 * repository kit on a table that is not appdb's.
 *
 * @param id the note's id
 * @param userId whose note; must be an existing user
 * @param title the text, 1–200 characters, stripped, no control characters
 * @param pinned whether it is pinned
 * @param createdAt when it was written, UTC
 * @param updatedAt when it last changed, UTC, not before {@code createdAt}
 * @param version 0 when new, incremented by every update
 */
public record Note(NoteId id, UserId userId, String title, boolean pinned, Instant createdAt,
    Instant updatedAt, long version) implements Entity<NoteId> {

  /** The longest title. */
  public static final int MAX_TITLE_LENGTH = 200;

  /** @throws dev.appdb.domain.error.ValidationException naming the field and its limit */
  public Note {
    EntityRules.requireId("id", id);
    EntityRules.requireId("userId", userId);
    title = TextRules.requiredStripped("title", title, MAX_TITLE_LENGTH);
    createdAt = EntityRules.createdAt(createdAt);
    updatedAt = EntityRules.updatedAt(createdAt, updatedAt);
    EntityRules.requireVersion(version);
  }

  /**
   * @param userId whose note
   * @param title the text, see {@link Note}
   * @param now the current time
   * @return a new, unpinned note, version 0
   */
  public static Note write(UserId userId, String title, Instant now) {
    return new Note(NoteId.generate(), userId, title, false, now, now, 0);
  }

  /**
   * @param now the current time
   * @return a copy pinned if this is not and unpinned if it is, to pass to
   *     {@link NoteRepository#update}
   */
  public Note togglePinned(Instant now) {
    return new Note(id, userId, title, !pinned, createdAt, now, version);
  }
}
