package dev.appdb.adapter.jooq;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a pgjdbc URL as
 * <a href="https://jdbc.postgresql.org/documentation/use/#connecting-to-the-database">pgjdbc</a>'s
 * {@code Driver.parseURL} does: {@code jdbc:postgresql://host[:port][,host[:port]...]/database}
 * or {@code jdbc:postgresql:database} (localhost:5432), then {@code ?property=value&...}. The
 * database name and values are decoded with {@link URLDecoder}. {@code user} and {@code password}
 * move out of the properties; every other property passes through as written, since it is already
 * in pgjdbc's vocabulary (a name pgjdbc does not know is refused here, naming it). One leniency: a
 * missing {@code /database} is allowed (the database is then the user's name).
 *
 * <p>Why not pgjdbc's public {@code Driver.parseURL}: tried on pgjdbc 42.7, it returns null for a
 * malformed URL without saying which part is wrong, and logs the part it could not read at
 * WARNING through java.util.logging, e.g. "JDBC URL invalid port number: p@host" for
 * {@code jdbc:postgresql://u:p@host/db}, a password in the log. {@code PgjdbcRoundTripTest} checks
 * that this reader and pgjdbc agree on every URL both accept.
 */
final class PostgresJdbcUrl {

  static final String PREFIX = "jdbc:postgresql:";

  private PostgresJdbcUrl() {}

  /**
   * @param url the whole URL, starting with {@link #PREFIX} in any case
   * @return the target
   * @throws InvalidDatabaseUrlException when a part is malformed or credentials are in the host
   *     part
   */
  static PostgresTarget parse(String url) {
    String rest = url.substring(PREFIX.length());
    int queryStart = rest.indexOf('?');
    String body = queryStart < 0 ? rest : rest.substring(0, queryStart);
    String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);

    List<PostgresHost> hosts = List.of(
        new PostgresHost(HostList.DEFAULT_HOST, HostList.DEFAULT_PORT));
    String database = body;
    if (body.startsWith("//")) {
      int slash = body.indexOf('/', 2);
      String netloc = body.substring(2, slash < 0 ? body.length() : slash);
      if (netloc.indexOf('@') >= 0) {
        throw InvalidDatabaseUrlException.of(url, "a pgjdbc URL takes the user and password as"
            + " ?user=...&password=..., not as user:password@host");
      }
      hosts = HostList.split(url, netloc).resolve(url);
      database = slash < 0 ? "" : body.substring(slash + 1);
    }

    Map<String, String> properties = new LinkedHashMap<>(QueryString.pgjdbc(url, query));
    String pooler = properties.get(LibpqParameters.POOLER);
    if (pooler != null && pooler.isBlank()) {
      properties.remove(LibpqParameters.POOLER); // as libpq: an empty value means "not set"
    } else if (pooler != null) {
      properties.put(LibpqParameters.POOLER, LibpqParameters.pooler(url, pooler));
    }
    for (String name : List.copyOf(properties.keySet())) {
      if (!name.equals(LibpqParameters.POOLER)) {
        LibpqParameters.pgjdbcProperty(url, name);
      }
    }
    String user = properties.remove("user");
    String password = properties.remove("password");
    return new PostgresTarget(hosts, decodeDatabase(url, database), properties,
        emptyToNull(user), emptyToNull(password));
  }

  private static String decodeDatabase(String url, String database) {
    try {
      return URLDecoder.decode(database, UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw InvalidDatabaseUrlException.of(url, "the database name has a malformed"
          + " percent-encoding (% must be followed by two hex digits)");
    }
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
