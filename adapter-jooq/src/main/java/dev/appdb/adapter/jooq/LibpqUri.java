package dev.appdb.adapter.jooq;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a libpq connection URI,
 * {@code postgresql://[user[:password]@][host][:port][,...]/[dbname][?param=value&...]}, as
 * <a href="https://www.postgresql.org/docs/16/libpq-connect.html#LIBPQ-CONNSTRING-URIS">libpq
 * 16</a> does: user, password, host, database name and parameters percent-decoded; {@code user=},
 * {@code password=}, {@code dbname=}, {@code host=} and {@code port=} in the query replace the
 * URI's parts; other parameters translated by {@link LibpqParameters}. Two leniencies: the
 * password ends at the last {@code @} before the host (so a raw {@code @} in it works, as in
 * browsers), and an empty host means {@code localhost}, not libpq's Unix-domain socket.
 */
final class LibpqUri {

  private LibpqUri() {}

  /**
   * @param url the whole URL, for error messages
   * @param rest the URL after {@code scheme://}
   * @return the target
   * @throws InvalidDatabaseUrlException when a part is malformed or a parameter unsupported
   */
  static PostgresTarget parse(String url, String rest) {
    int authorityEnd = firstOf(rest, "/?");
    String authority = rest.substring(0, authorityEnd);
    int queryStart = rest.indexOf('?', authorityEnd);
    String path = rest.substring(authorityEnd, queryStart < 0 ? rest.length() : queryStart);
    String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);

    int at = authority.lastIndexOf('@');
    String user = null;
    String password = null;
    if (at >= 0) {
      String userinfo = authority.substring(0, at);
      int colon = userinfo.indexOf(':');
      user = decode(url, colon < 0 ? userinfo : userinfo.substring(0, colon), "user name");
      password = colon < 0 ? null : decode(url, userinfo.substring(colon + 1), "password");
    }
    HostList hosts = HostList.split(url, authority.substring(at + 1))
        .mapNames(name -> decode(url, name, "host name"));
    String database = decode(url, path.isEmpty() ? "" : path.substring(1), "database name");

    Map<String, String> parameters = new LinkedHashMap<>(QueryString.libpq(url, query));
    user = override(parameters, "user", user);
    password = override(parameters, "password", password);
    database = override(parameters, "dbname", database);
    hosts = hosts.replacedBy(
        override(parameters, "host", null), override(parameters, "port", null));
    return new PostgresTarget(hosts.resolve(url), database,
        LibpqParameters.toPgjdbc(url, parameters), emptyToNull(user), emptyToNull(password));
  }

  /**
   * Removes a query parameter and returns its value, or {@code fallback} when it is absent or
   * empty (libpq's "not set").
   */
  private static String override(Map<String, String> parameters, String name, String fallback) {
    String value = parameters.remove(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static String decode(String url, String part, String what) {
    return PercentEncoding.decode(part).orElseThrow(() -> InvalidDatabaseUrlException.of(
        url, "the " + what + " has a malformed percent-encoding (% must be followed by two hex"
            + " digits, and %00 is not allowed)"));
  }

  private static int firstOf(String text, String characters) {
    for (int i = 0; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
