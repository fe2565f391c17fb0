package dev.appdb.domain.entity;

import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.id.TimeOrderedUuid;
import dev.appdb.domain.validation.InstantRules;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The checks an {@link Entity}'s compact constructor runs on the columns every entity shares,
 * each failing with a {@link ValidationException} that names the field and the limit. For text
 * fields use {@code TextRules}, for other timestamps {@code InstantRules}.
 *
 * <pre>{@code
 * public Order {
 *   EntityRules.requireId("id", id);
 *   createdAt = EntityRules.createdAt(createdAt);
 *   updatedAt = EntityRules.updatedAt(createdAt, updatedAt);
 *   EntityRules.requireVersion(version);
 * }
 * }</pre>
 */
public final class EntityRules {

  private static final Pattern CANONICAL_UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private EntityRules() {}

  /** @return a new time-ordered (version 7) UUID for an entity's id */
  public static UUID newId() {
    return TimeOrderedUuid.next();
  }

  /**
   * @param field the field's name for the error, e.g. {@code "orderId"}
   * @param id an id or its UUID, may be null (which fails)
   * @param <T> its type
   * @return {@code id}
   * @throws ValidationException naming {@code field} when {@code id} is null
   */
  public static <T> T requireId(String field, T id) {
    if (id == null) {
      throw new ValidationException(field, "is required");
    }
    return id;
  }

  /**
   * @param field the field's name for the error
   * @param text a canonical UUID such as {@code 0190f5a4-7c1e-7abc-8def-0123456789ab}
   * @return the UUID
   * @throws ValidationException naming {@code field} when {@code text} is null or not a UUID
   */
  public static UUID parseId(String field, String text) {
    if (text == null) {
      throw new ValidationException(field, "is required");
    }
    if (!CANONICAL_UUID.matcher(text).matches()) {
      throw new ValidationException(field, "must be a UUID (8-4-4-4-12 hex digits), was '"
          + text + "'");
    }
    return UUID.fromString(text);
  }

  /**
   * @param createdAt the creation time, may be null (which fails)
   * @return it truncated to microseconds
   * @throws ValidationException naming {@code createdAt} when absent or outside years 0001–9999
   */
  public static Instant createdAt(Instant createdAt) {
    return InstantRules.stored("createdAt", createdAt);
  }

  /**
   * @param createdAt the (already checked) creation time
   * @param updatedAt the last-change time, may be null (which fails)
   * @return {@code updatedAt} truncated to microseconds
   * @throws ValidationException naming {@code updatedAt} when absent, out of range or before
   *     {@code createdAt}
   */
  public static Instant updatedAt(Instant createdAt, Instant updatedAt) {
    Instant stored = InstantRules.stored("updatedAt", updatedAt);
    if (stored.isBefore(createdAt)) {
      throw new ValidationException("updatedAt", "must not be before createdAt " + createdAt);
    }
    return stored;
  }

  /**
   * @param version an optimistic-locking version
   * @return {@code version}
   * @throws ValidationException naming {@code version} when negative
   */
  public static long requireVersion(long version) {
    if (version < 0) {
      throw new ValidationException("version", "must be at least 0, was " + version);
    }
    return version;
  }
}
