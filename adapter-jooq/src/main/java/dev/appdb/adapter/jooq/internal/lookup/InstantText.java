package dev.appdb.adapter.jooq.internal.lookup;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text form of a stored timestamp where the database has no timestamp type (SQLite):
 * {@code 2024-03-10T23:59:59.999999Z}, UTC, always exactly six fractional digits and 27
 * characters, so lexicographic order equals time order. Sub-microsecond digits are truncated,
 * never rounded.
 *
 * <p>The digits are written and read by position rather than through a {@code DateTimeFormatter}:
 * the form is fixed-width, and this runs twice per row on SQLite (see
 * {@code docs/PERFORMANCE.md}). Parsing is strict: a date or time that does not
 * exist (February 30, hour 24) is refused, not adjusted.
 */
public final class InstantText {

  /** The length of every text this class makes and accepts. */
  private static final int LENGTH = 27;

  /** The form, for messages. */
  private static final String FORM = "uuuu-MM-ddTHH:mm:ss.SSSSSSZ";

  /** The same form with {@code 0} where a digit goes and the separators as they are. */
  private static final String SHAPE = "0000-00-00T00:00:00.000000Z";

  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

  private InstantText() {}

  /**
   * @param instant a timestamp in years 0001–9999 (UTC)
   * @return its 27-character text
   * @throws IllegalArgumentException when the year is outside 0001–9999
   */
  public static String format(Instant instant) {
    if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
      throw new IllegalArgumentException(
          "instant: must be in years 0001–9999 (UTC), was " + instant);
    }
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    char[] text = SHAPE.toCharArray();
    writeDigits(text, 0, 4, time.getYear());
    writeDigits(text, 5, 2, time.getMonthValue());
    writeDigits(text, 8, 2, time.getDayOfMonth());
    writeDigits(text, 11, 2, time.getHour());
    writeDigits(text, 14, 2, time.getMinute());
    writeDigits(text, 17, 2, time.getSecond());
    writeDigits(text, 20, 6, instant.getNano() / 1000);
    return new String(text);
  }

  /**
   * @param text text made by {@link #format}, or null
   * @return the instant, or null when {@code text} is null
   * @throws IllegalStateException when the stored text is not in this form or names a date or
   *     time that does not exist (a row written by something other than appdb)
   */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    if (!hasForm(text)) {
      throw notInForm(text, null);
    }
    try {
      long seconds = LocalDateTime.of(readDigits(text, 0, 4), readDigits(text, 5, 2),
          readDigits(text, 8, 2), readDigits(text, 11, 2), readDigits(text, 14, 2),
          readDigits(text, 17, 2)).toEpochSecond(ZoneOffset.UTC);
      return Instant.ofEpochSecond(seconds, readDigits(text, 20, 6) * 1000L);
    } catch (DateTimeException e) {
      throw notInForm(text, e);
    }
  }

  /**
   * Whether every position holds what {@link #SHAPE} says (a digit or the same separator) and the
   * year is not 0000.
   */
  private static boolean hasForm(String text) {
    if (text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char expected = SHAPE.charAt(i);
      char actual = text.charAt(i);
      boolean ok = expected == '0' ? actual >= '0' && actual <= '9' : actual == expected;
      if (!ok) {
        return false;
      }
    }
    return readDigits(text, 0, 4) >= 1;
  }

  private static void writeDigits(char[] text, int start, int width, int value) {
    for (int i = start + width - 1; i >= start; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static int readDigits(String text, int start, int width) {
    int value = 0;
    for (int i = start; i < start + width; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  private static IllegalStateException notInForm(String text, DateTimeException cause) {
    return new IllegalStateException(
        "stored timestamp '" + text + "' is not in the form " + FORM, cause);
  }
}
