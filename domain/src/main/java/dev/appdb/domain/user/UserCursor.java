package dev.appdb.domain.user;

import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.validation.InstantRules;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A keyset position in the users' listing order ({@code createdAt}, then {@code id}): the next
 * page starts strictly after this position. Stable under concurrent inserts and deletes.
 *
 * @param createdAt the last listed user's creation time, never null
 * @param id the last listed user's id, never null
 */
public record UserCursor(Instant createdAt, UserId id) {

  /** @throws ValidationException when a component is missing or the time is out of range */
  public UserCursor {
    if (createdAt == null || id == null) {
      throw new ValidationException("cursor", "needs createdAt and id");
    }
    createdAt = InstantRules.stored("cursor", createdAt);
  }

  /**
   * @param user the last user of a page, never null
   * @return the position just after {@code user}
   */
  public static UserCursor after(User user) {
    return new UserCursor(user.createdAt(), user.id());
  }

  /**
   * @param token a token made by {@link #toToken()}: {@code <ISO-8601 instant>_<uuid>}
   * @return the cursor
   * @throws ValidationException when the token is malformed
   */
  public static UserCursor parse(String token) {
    int separator = token == null ? -1 : token.lastIndexOf('_');
    if (separator < 0) {
      throw new ValidationException("cursor", "must look like <instant>_<uuid>, was '" + token + "'");
    }
    try {
      return new UserCursor(
          Instant.parse(token.substring(0, separator)), UserId.parse(token.substring(separator + 1)));
    } catch (DateTimeParseException e) {
      throw new ValidationException("cursor", "has no valid instant: '" + token + "'");
    }
  }

  /** @return an opaque, URL-safe token that {@link #parse} reads back */
  public String toToken() {
    return createdAt + "_" + id;
  }
}
