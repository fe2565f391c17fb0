package dev.appdb.domain.validation;

import dev.appdb.domain.error.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The rule for every timestamp appdb stores: UTC, truncated (never rounded) to microseconds, the
 * precision of PostgreSQL's {@code timestamptz}, so a value read back equals the value written on
 * both databases; years 0001–9999, so SQLite's fixed-width text keeps text order = time order.
 */
public final class InstantRules {

  /** The earliest timestamp accepted. */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest timestamp accepted, the last microsecond of year 9999. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private InstantRules() {}

  /**
   * @param field the field name used in the error
   * @param value the timestamp, may be null (which fails)
   * @return {@code value} truncated to microseconds; {@code 23:59:59.999999999Z} becomes
   *     {@code 23:59:59.999999Z}
   * @throws ValidationException when absent or outside {@link #EARLIEST}–{@link #LATEST}
   */
  public static Instant stored(String field, Instant value) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
      throw new ValidationException(
          field, "must be between " + EARLIEST + " and " + LATEST + ", was " + value);
    }
    return value.truncatedTo(ChronoUnit.MICROS);
  }
}
