package dev.appdb.domain.id;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Generates version 7 UUIDs (RFC 9562 §5.7): 48 bits of Unix time in milliseconds, then random
 * bits, so ids created later sort later, both as {@link UUID#compareTo unsigned bytes} in
 * PostgreSQL and as canonical text in SQLite.
 *
 * <p>Within one millisecond this generator stays monotonic (RFC 9562 §6.2, method 2): it uses the
 * 12-bit {@code rand_a} field as a counter seeded at a random value below 2048, and when the
 * counter overflows it borrows the next millisecond. Thread-safe.
 */
public final class TimeOrderedUuid {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Object LOCK = new Object();
  private static long lastMillis;
  private static int counter;

  private TimeOrderedUuid() {}

  /** @return a new version 7, IETF variant UUID */
  public static UUID next() {
    long millis;
    int sequence;
    synchronized (LOCK) {
      long now = System.currentTimeMillis();
      if (now > lastMillis) {
        lastMillis = now;
        counter = RANDOM.nextInt(1 << 11);
      } else if (++counter > 0xFFF) {
        lastMillis++;
        counter = RANDOM.nextInt(1 << 11);
      }
      millis = lastMillis;
      sequence = counter;
    }
    long msb = (millis << 16) | 0x7000L | sequence;
    long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }
}
