package dev.appdb.domain.entity;

import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.validation.InstantRules;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A keyset position in an entity listing's order ({@code createdAt}, then {@code id}): the next
 * page starts strictly after it. Stable under concurrent inserts and deletes, unlike an offset.
 *
 * @param createdAt the last listed entity's creation time
 * @param id the last listed entity's id
 */
public record Cursor(Instant createdAt, UUID id) {

  /** @throws ValidationException naming {@code cursor} when a part is missing or out of range */
  public Cursor {
    if (createdAt == null || id == null) {
      throw new ValidationException("cursor", "needs createdAt and id");
    }
    createdAt = InstantRules.stored("cursor", createdAt);
  }

  /**
   * @param last the last entity of a page
   * @return the position just after it
   */
  public static Cursor after(Entity<?> last) {
    return new Cursor(last.createdAt(), last.id().value());
  }

  /**
   * @param token a token made by {@link #toToken()}: {@code <ISO-8601 instant>_<uuid>}
   * @return the cursor
   * @throws ValidationException naming {@code cursor} when the token is malformed
   */
  public static Cursor parse(String token) {
    int separator = token == null ? -1 : token.lastIndexOf('_');
    if (separator < 0) {
      throw new ValidationException("cursor", "must look like <instant>_<uuid>, was '"
          + token + "'");
    }
    try {
      return new Cursor(Instant.parse(token.substring(0, separator)),
          EntityRules.parseId("cursor", token.substring(separator + 1)));
    } catch (DateTimeParseException e) {
      throw new ValidationException("cursor", "has no valid instant: '" + token + "'");
    }
  }

  /** @return an opaque, URL-safe token that {@link #parse} reads back */
  public String toToken() {
    return createdAt + "_" + id;
  }
}
