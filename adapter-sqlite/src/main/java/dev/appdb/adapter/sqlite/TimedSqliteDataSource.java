package dev.appdb.adapter.sqlite;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Opens {@link TimedSqliteConnection}s on one file with one set of pragmas: the unpooled data
 * source behind the pool of a SQLite database that appdb opens.
 */
final class TimedSqliteDataSource extends SQLiteDataSource {

  private final String file;
  private final long timeoutNanos;

  /**
   * @param file the database file
   * @param properties the pragmas of every connection
   * @param statementTimeout the statement timeout, positive
   */
  TimedSqliteDataSource(Path file, Properties properties, Duration statementTimeout) {
    super(new SQLiteConfig(properties));
    this.file = file.toString();
    this.timeoutNanos = statementTimeout.toNanos();
    if (timeoutNanos <= 0) {
      throw new IllegalArgumentException("statementTimeout: must be positive, was "
          + statementTimeout);
    }
    setUrl(SqliteDatabase.jdbcUrl(file));
  }

  @Override
  public SQLiteConnection getConnection(String username, String password) throws SQLException {
    Properties properties = getConfig().toProperties();
    if (username != null) {
      properties.put("user", username);
    }
    if (password != null) {
      properties.put("pass", password);
    }
    return new TimedSqliteConnection(getUrl(), file, properties, timeoutNanos);
  }
}
