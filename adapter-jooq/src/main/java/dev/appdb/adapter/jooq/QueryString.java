package dev.appdb.adapter.jooq;

import static java.nio.charset.StandardCharsets.UTF_8;


import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

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
    return parse(url, query, (name, value) -> Map.entry(
        PercentEncoding.decode(name).orElseThrow(() -> malformed(url, name)),
        PercentEncoding.decode(value).orElseThrow(() -> malformed(url, name))));
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
    return parse(url, query, (name, value) -> {
      try {
        return Map.entry(name, URLDecoder.decode(value, UTF_8));
      } catch (IllegalArgumentException malformed) {
        throw malformed(url, name);
      }
    });
  }

  /** Splits at {@code &} and {@code =}; {@code decode} turns the raw name and value into an entry. */
  private static Map<String, String> parse(String url, String query,
      BiFunction<String, String, Map.Entry<String, String>> decode) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String segment : query.split("&", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      int equals = segment.indexOf('=');
      if (equals < 0) {
        throw missingValue(url, segment);
      }
      Map.Entry<String, String> parameter =
          decode.apply(segment.substring(0, equals), segment.substring(equals + 1));
      parameters.put(parameter.getKey(), parameter.getValue());
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
