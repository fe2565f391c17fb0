package dev.appdb.adapter.jooq.binding;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The text form of a stored timestamp where the database has no timestamp type (SQLite):
 * {@code 2024-03-10T23:59:59.999999Z}, UTC, always exactly six fractional digits and 27
 * characters, so lexicographic order equals time order. Sub-microsecond digits are truncated,
 * never rounded.
 */
public final class InstantText {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private InstantText() {}

  /**
   * @param instant a timestamp in years 0001–9999, never null
   * @return its 27-character text
   */
  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /**
   * @param text text made by {@link #format}, or null
   * @return the instant, or null when {@code text} is null
   * @throws IllegalStateException when the stored text is not in this form (a row written by
   *     something other than appdb)
   */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return FORMAT.parse(text, Instant::from);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("stored timestamp '" + text
          + "' is not in the form uuuu-MM-ddTHH:mm:ss.SSSSSSZ", e);
    }
  }
}
