package dev.appdb.bootstrap.provision;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's stored form of a SCRAM-SHA-256 password,
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (RFC 5802, 7677), computed
 * on the client with the ongres SCRAM library pgjdbc itself uses, and PostgreSQL's own SASLprep
 * rules: the cleartext never reaches the server, its statement log or {@code pg_stat_activity}.
 */
final class ScramVerifier {

  /** PostgreSQL's default {@code scram_iterations}. */
  static final int ITERATIONS = 4096;

  private static final int SALT_BYTES = 16;
  private static final ScramMechanism SHA_256 = ScramMechanism.SCRAM_SHA_256;
  private static final Pattern STORED = Pattern.compile(
      "SCRAM-SHA-256\\$(\\d+):([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ScramVerifier() {}

  /**
   * @param password the cleartext
   * @return a new verifier with a random salt
   */
  static String compute(char[] password) {
    return compute(password, ScramFunctions.salt(SALT_BYTES, RANDOM), ITERATIONS);
  }

  /**
   * @param stored what {@code pg_authid.rolpassword} holds, may be null
   * @param password a cleartext
   * @return whether {@code stored} is a SCRAM-SHA-256 verifier of {@code password}
   */
  static boolean matches(String stored, char[] password) {
    if (stored == null) {
      return false;
    }
    Matcher parts = STORED.matcher(stored);
    if (!parts.matches()) {
      return false; // md5 or none: to be replaced
    }
    byte[] salt = Base64.getDecoder().decode(parts.group(2));
    String recomputed = compute(password, salt, Integer.parseInt(parts.group(1)));
    return MessageDigest.isEqual(recomputed.getBytes(), stored.getBytes());
  }

  private static String compute(char[] password, byte[] salt, int iterations) {
    byte[] salted = ScramFunctions.saltedPassword(SHA_256,
        StringPreparation.POSTGRESQL_PREPARATION, password, salt, iterations);
    byte[] storedKey = ScramFunctions.storedKey(SHA_256, ScramFunctions.clientKey(SHA_256, salted));
    byte[] serverKey = ScramFunctions.serverKey(SHA_256, salted);
    Base64.Encoder base64 = Base64.getEncoder();
    return "SCRAM-SHA-256$" + iterations + ":" + base64.encodeToString(salt) + "$"
        + base64.encodeToString(storedKey) + ":" + base64.encodeToString(serverKey);
  }
}
