package dev.appdb.bootstrap.url;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code name=value&...} query of a URL, decoded the way its reader decodes it. Parameters keep
 * their order; a repeated name keeps its first place and its last value, as both libpq and pgjdbc
 * let the last one win. Empty segments ({@code &&}) are skipped.
 */
final class QueryString {

  private QueryString() {}

  /**
   * libpq's reading: every parameter needs {@code =}; names and values are percent-decoded
   * ({@code +} stays a plus sign).
   *
   * @param url the whole URL, for error messages
   * @param query the text after {@code ?}, may be empty
   * @return name to value, in order
   * @throws InvalidDatabaseUrlException on a parameter without {@code =} or a malformed
   *     percent-encoding
   */
  static Map<String, String> libpq(String url, String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String segment : query.split("&", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      int equals = segment.indexOf('=');
      if (equals < 0) {
        throw missingValue(url, segment);
      }
      String name = segment.substring(0, equals);
      String value = segment.substring(equals + 1);
      parameters.put(
          PercentEncoding.decode(name).orElseThrow(() -> malformed(url, name)),
          PercentEncoding.decode(value).orElseThrow(() -> malformed(url, name)));
    }
    return parameters;
  }

  /**
   * pgjdbc's reading ({@code Driver.parseURL}): values are decoded with {@link URLDecoder}
   * ({@code +} is a space), names are taken as written. Stricter than pgjdbc, which reads a
   * parameter without {@code =} as an empty value: that is refused, since it is most often the
   * tail of a password holding a raw {@code &} (and would be displayed).
   *
   * @param url the whole URL, for error messages
   * @param query the text after {@code ?}, may be empty
   * @return name to value, in order
   * @throws InvalidDatabaseUrlException on a parameter without {@code =} or a malformed
   *     percent-encoding
   */
  static Map<String, String> pgjdbc(String url, String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String segment : query.split("&", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      int equals = segment.indexOf('=');
      if (equals < 0) {
        throw missingValue(url, segment);
      }
      String name = segment.substring(0, equals);
      String value = segment.substring(equals + 1);
      try {
        parameters.put(name, URLDecoder.decode(value, UTF_8));
      } catch (IllegalArgumentException malformed) {
        throw malformed(url, name);
      }
    }
    return parameters;
  }

  private static InvalidDatabaseUrlException missingValue(String url, String segment) {
    return InvalidDatabaseUrlException.of(url, "the query parameter {} has no '=value' (if it is"
        + " part of a password, percent-encode the password's '&', '?' and '#')", segment);
  }

  private static InvalidDatabaseUrlException malformed(String url, String name) {
    return InvalidDatabaseUrlException.of(
        url, "the query parameter {} has a malformed percent-encoding (% must be followed by two"
            + " hex digits)", name);
  }
}
