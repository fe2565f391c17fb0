package dev.appdb.domain.user;

import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.id.TimeOrderedUuid;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity of a {@link User}: a time-ordered (version 7) UUID generated in Java.
 *
 * @param value the UUID, never null
 */
public record UserId(UUID value) {

  private static final Pattern CANONICAL = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** @throws ValidationException when {@code value} is null */
  public UserId {
    if (value == null) {
      throw new ValidationException("userId", "is required");
    }
  }

  /** @return a fresh, time-ordered id */
  public static UserId generate() {
    return new UserId(TimeOrderedUuid.next());
  }

  /**
   * @param text a canonical UUID string such as {@code 0190f5a4-7c1e-7abc-8def-0123456789ab}
   * @return the id
   * @throws ValidationException when {@code text} is null or not a UUID
   */
  public static UserId parse(String text) {
    if (text == null) {
      throw new ValidationException("userId", "is required");
    }
    if (!CANONICAL.matcher(text).matches()) {
      throw new ValidationException("userId", "must be a UUID (8-4-4-4-12 hex digits), was '"
          + text + "'");
    }
    return new UserId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
