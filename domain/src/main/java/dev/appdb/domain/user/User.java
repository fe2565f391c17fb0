package dev.appdb.domain.user;

import dev.appdb.domain.entity.Entity;
import dev.appdb.domain.entity.EntityRules;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.validation.InstantRules;
import dev.appdb.domain.validation.TextRules;
import java.time.Instant;

/**
 * A person using the application: an {@link Entity} of the entity kit, like a service's own.
 * Immutable; validated on construction.
 *
 * <p>Names are required, stripped of surrounding whitespace, 1–{@value #MAX_NAME_LENGTH}
 * characters, without control characters. Timestamps follow {@link InstantRules#stored}:
 * truncated (never rounded) to microseconds, years 0001–9999.
 *
 * @param id the user's id
 * @param firstName given name
 * @param lastName family name
 * @param email the address as the user spelled it, or null when the user has none
 * @param createdAt when the user was created
 * @param updatedAt when the user was last changed, not before {@code createdAt}
 * @param version the optimistic-locking version: 0 when new, incremented by every update
 */
public record User(
    UserId id,
    String firstName,
    String lastName,
    Email email,
    Instant createdAt,
    Instant updatedAt,
    long version) implements Entity<UserId> {

  /** The longest first or last name accepted, in characters (after stripping). */
  public static final int MAX_NAME_LENGTH = 100;

  /** @throws ValidationException naming the field and the limit it broke */
  public User {
    EntityRules.requireId("id", id);
    firstName = TextRules.requiredStripped("firstName", firstName, MAX_NAME_LENGTH);
    lastName = TextRules.requiredStripped("lastName", lastName, MAX_NAME_LENGTH);
    createdAt = EntityRules.createdAt(createdAt);
    updatedAt = EntityRules.updatedAt(createdAt, updatedAt);
    EntityRules.requireVersion(version);
  }

  /**
   * A new user at version 0, created and updated at {@code now}.
   *
   * @param firstName given name (rules above)
   * @param lastName family name (rules above)
   * @param email address or null
   * @param now the creation time; truncated to microseconds
   * @return the user with a fresh time-ordered id
   * @throws ValidationException when a value breaks a rule
   */
  public static User register(String firstName, String lastName, Email email, Instant now) {
    return new User(UserId.generate(), firstName, lastName, email, now, now, 0);
  }

  /**
   * The same user with a changed profile, same version (the store increments it on update).
   *
   * @param newFirstName given name (rules above)
   * @param newLastName family name (rules above)
   * @param newEmail address or null
   * @param now the change time; truncated to microseconds
   * @return the changed copy
   * @throws ValidationException when a value breaks a rule
   */
  public User withProfile(String newFirstName, String newLastName, Email newEmail, Instant now) {
    return new User(id, newFirstName, newLastName, newEmail, createdAt, now, version);
  }
}
