package dev.appdb.application.contract.service;

import dev.appdb.domain.user.UserId;
import java.util.Objects;
import java.util.UUID;

/**
 * A service's own entity for the contract suites: a note a user wrote, in a table of the
 * service's with a foreign key to appdb's users.
 *
 * @param id the note's id, never null
 * @param userId who wrote it, never null
 * @param body the text, 1–200 characters
 */
public record Note(UUID id, UserId userId, String body) {

  /** @throws NullPointerException when a component is null */
  public Note {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(body, "body");
  }

  /**
   * @param userId who writes it
   * @param body the text
   * @return a new note with a random id
   */
  public static Note of(UserId userId, String body) {
    return new Note(UUID.randomUUID(), userId, body);
  }
}
