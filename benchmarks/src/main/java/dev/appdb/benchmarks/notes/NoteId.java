package dev.appdb.benchmarks.notes;

import dev.appdb.domain.entity.EntityId;
import dev.appdb.domain.entity.EntityRules;
import java.util.UUID;

/**
 * A note's id: a time-ordered UUID (version 7).
 *
 * @param value the UUID
 */
public record NoteId(UUID value) implements EntityId {

  /** @throws dev.appdb.domain.error.ValidationException naming {@code noteId} when null */
  public NoteId {
    EntityRules.requireId("noteId", value);
  }

  /** @return a new id */
  public static NoteId generate() {
    return new NoteId(EntityRules.newId());
  }
}
