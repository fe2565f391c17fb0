package dev.appdb.domain.user;

import dev.appdb.domain.entity.EntityId;
import dev.appdb.domain.entity.EntityRules;
import dev.appdb.domain.error.ValidationException;
import java.util.UUID;

/**
 * The identity of a {@link User}: a time-ordered (version 7) UUID generated in Java, the entity
 * kit's {@link EntityId}.
 *
 * @param value the UUID
 */
public record UserId(UUID value) implements EntityId {

  /** @throws ValidationException when {@code value} is null */
  public UserId {
    EntityRules.requireId("userId", value);
  }

  /** @return a fresh, time-ordered id */
  public static UserId generate() {
    return new UserId(EntityRules.newId());
  }

  /**
   * @param text a canonical UUID string such as {@code 0190f5a4-7c1e-7abc-8def-0123456789ab}
   * @return the id
   * @throws ValidationException when {@code text} is null or not a UUID
   */
  public static UserId parse(String text) {
    return new UserId(EntityRules.parseId("userId", text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
