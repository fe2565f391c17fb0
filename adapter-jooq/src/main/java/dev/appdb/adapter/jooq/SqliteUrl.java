package dev.appdb.adapter.jooq;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads the two ways to name a SQLite database file:
 * <ul>
 *   <li><a href="https://github.com/xerial/sqlite-jdbc#usage">sqlite-jdbc</a>'s
 *       {@code jdbc:sqlite:path}, the path relative or absolute;</li>
 *   <li><a href="https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#connect-strings">
 *       SQLAlchemy</a>'s {@code sqlite:///relative.db} (three slashes) and
 *       {@code sqlite:////absolute.db} (four), the path taken as written (SQLAlchemy does not
 *       percent-decode it).</li>
 * </ul>
 * Refused, each with its reason: in-memory databases ({@code :memory:}, an empty path,
 * {@code sqlite://}), because every pooled connection would see its own empty database; SQLite
 * URI filenames ({@code file:...}) and sqlite-jdbc's {@code :resource:}; query parameters, because
 * appdb sets the PRAGMAs itself; and a host part ({@code sqlite://host/...}).
 */
final class SqliteUrl {

  static final String JDBC_PREFIX = "jdbc:sqlite:";

  private SqliteUrl() {}

  /**
   * @param url the whole URL, starting with {@link #JDBC_PREFIX} in any case
   * @return the file target
   * @throws InvalidDatabaseUrlException for the refused forms above
   */
  static SqliteTarget jdbc(String url) {
    return file(url, url.substring(JDBC_PREFIX.length()));
  }

  /**
   * @param url the whole URL
   * @param rest the URL after {@code sqlite://} or {@code sqlite+driver://}
   * @return the file target
   * @throws InvalidDatabaseUrlException for the refused forms above
   */
  static SqliteTarget sqlalchemy(String url, String rest) {
    if (rest.isEmpty()) {
      throw inMemory(url);
    }
    if (!rest.startsWith("/")) {
      throw InvalidDatabaseUrlException.of(url, "a SQLite URL has no host; write"
          + " sqlite:///relative/path.db (three slashes) or sqlite:////absolute/path.db (four)");
    }
    return file(url, rest.substring(1));
  }

  private static SqliteTarget file(String url, String path) {
    if (path.isEmpty() || path.equals(":memory:")) {
      throw inMemory(url);
    }
    if (path.startsWith("file:") || path.startsWith(":resource:")) {
      throw InvalidDatabaseUrlException.of(url, "{} paths are not supported; give the database"
          + " file's path itself, e.g. jdbc:sqlite:./database.db",
          path.substring(0, path.indexOf(':', 1) + 1));
    }
    if (path.indexOf('?') >= 0) {
      throw InvalidDatabaseUrlException.of(url, "query parameters are not supported for SQLite;"
          + " appdb sets the PRAGMAs (WAL, foreign keys, busy timeout) itself");
    }
    try {
      return new SqliteTarget(Path.of(path));
    } catch (InvalidPathException invalid) {
      throw InvalidDatabaseUrlException.of(
          url, "{} is not a valid file path: " + invalid.getReason(), path);
    }
  }

  private static InvalidDatabaseUrlException inMemory(String url) {
    return InvalidDatabaseUrlException.of(url, "an in-memory SQLite database is not supported:"
        + " every pooled connection would open its own, empty database. Give a file, e.g."
        + " sqlite:///./database.db or jdbc:sqlite:./database.db");
  }
}
