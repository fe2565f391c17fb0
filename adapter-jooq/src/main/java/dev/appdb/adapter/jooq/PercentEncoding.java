package dev.appdb.adapter.jooq;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Optional;

/**
 * Percent-encoding of URI parts as libpq reads it ({@code conninfo_uri_decode}): {@code %XX} is a
 * byte, the bytes are UTF-8, {@code +} stays a plus sign, {@code %00} is refused.
 */
final class PercentEncoding {

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

  private PercentEncoding() {}

  /**
   * @param text a URI part
   * @return the decoded text, or empty when a {@code %} is not followed by two hex digits, encodes
   *     a NUL byte or the bytes are not UTF-8
   */
  static Optional<String> decode(String text) {
    if (text.indexOf('%') < 0) {
      return Optional.of(text);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) != '%') {
        int codePoint = text.codePointAt(i);
        bytes.writeBytes(Character.toString(codePoint).getBytes(UTF_8));
        i += Character.charCount(codePoint);
        continue;
      }
      if (i + 2 >= text.length()) {
        return Optional.empty();
      }
      int high = Character.digit(text.charAt(i + 1), 16);
      int low = Character.digit(text.charAt(i + 2), 16);
      if (high < 0 || low < 0 || high + low == 0) {
        return Optional.empty();
      }
      bytes.write(high * 16 + low);
      i += 3;
    }
    try {
      ByteBuffer decoded = ByteBuffer.wrap(bytes.toByteArray());
      return Optional.of(UTF_8.newDecoder().decode(decoded).toString());
    } catch (CharacterCodingException notUtf8) {
      return Optional.empty();
    }
  }

  /**
   * @param text any text
   * @return the text with every byte outside RFC 3986's unreserved characters as {@code %XX};
   *     both libpq and pgjdbc (which reads the database name with {@code URLDecoder}) decode it
   *     back to {@code text}
   */
  static String encode(String text) {
    StringBuilder encoded = new StringBuilder(text.length());
    for (byte b : text.getBytes(UTF_8)) {
      if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
        encoded.append((char) b);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return encoded.toString();
  }
}
