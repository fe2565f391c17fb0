package dev.appdb.adapter.jooq;

import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code DATABASE_URL} setting in every form users bring:
 * <ul>
 *   <li>libpq URIs, {@code postgresql://} and {@code postgres://}, as
 *       <a href="https://www.postgresql.org/docs/16/libpq-connect.html#LIBPQ-CONNSTRING-URIS">
 *       libpq 16</a> reads them (see {@link LibpqUri});</li>
 *   <li><a href="https://docs.sqlalchemy.org/en/20/core/engines.html#database-urls">SQLAlchemy
 *       </a> URLs: {@code postgresql+psycopg://}, {@code +psycopg2}, {@code +psycopg2cffi},
 *       {@code +asyncpg} and {@code +pg8000}, read as libpq URIs; {@code sqlite:///relative.db},
 *       {@code sqlite:////absolute.db}, {@code sqlite+pysqlite://} and
 *       {@code sqlite+aiosqlite://};</li>
 *   <li>JDBC URLs: {@code jdbc:postgresql:} as
 *       <a href="https://jdbc.postgresql.org/documentation/use/#connecting-to-the-database">
 *       pgjdbc</a> reads them, {@code jdbc:sqlite:path} as sqlite-jdbc does.</li>
 * </ul>
 * Schemes are matched ignoring case; surrounding whitespace (a trailing newline from a secret
 * file) is ignored.
 */
public final class DatabaseUrls {

  private static final List<String> POSTGRES_DRIVERS =
      List.of("psycopg", "psycopg2", "psycopg2cffi", "asyncpg", "pg8000");
  private static final List<String> SQLITE_DRIVERS = List.of("pysqlite", "aiosqlite");

  private DatabaseUrls() {}

  /**
   * @param url the {@code DATABASE_URL} value; may be {@code null}
   * @return a {@link PostgresTarget} or a {@link SqliteTarget}; never {@code null}
   * @throws InvalidDatabaseUrlException when the URL is {@code null} or blank, in no accepted
   *     form, or malformed; its message masks every password and lists the accepted forms
   */
  public static DatabaseTarget parse(String url) {
    if (url == null || url.isBlank()) {
      throw InvalidDatabaseUrlException.empty();
    }
    String text = url.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith(PostgresJdbcUrl.PREFIX)) {
      return PostgresJdbcUrl.parse(text);
    }
    if (lower.startsWith(SqliteUrl.JDBC_PREFIX)) {
      return SqliteUrl.jdbc(text);
    }
    if (lower.startsWith("jdbc:")) {
      int driverEnd = lower.indexOf(':', "jdbc:".length());
      String driver = lower.substring(0, driverEnd < 0 ? lower.length() : driverEnd);
      throw InvalidDatabaseUrlException.of(
          text, "the JDBC driver {} is not supported; use PostgreSQL or SQLite", driver);
    }
    int schemeEnd = lower.indexOf("://");
    if (schemeEnd < 0 || !lower.substring(0, schemeEnd).matches("[a-z][a-z0-9+.-]*")) {
      throw InvalidDatabaseUrlException.of(text, "it is not a database URL");
    }
    String scheme = lower.substring(0, schemeEnd);
    String rest = text.substring(schemeEnd + 3);
    int plus = scheme.indexOf('+');
    String database = plus < 0 ? scheme : scheme.substring(0, plus);
    String driver = plus < 0 ? null : scheme.substring(plus + 1);
    if (database.equals("postgresql") && (driver == null || POSTGRES_DRIVERS.contains(driver))
        || scheme.equals("postgres")) {
      return LibpqUri.parse(text, rest);
    }
    if (database.equals("sqlite") && (driver == null || SQLITE_DRIVERS.contains(driver))) {
      return SqliteUrl.sqlalchemy(text, rest);
    }
    throw InvalidDatabaseUrlException.of(text, "the scheme {} is not supported", scheme);
  }
}
