package dev.appdb.adapter.sqlite;

import dev.appdb.adapter.jooq.DatabaseSettings;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.SqliteTarget;
import dev.appdb.adapter.jooq.spi.DatabaseProvider;
import dev.appdb.migrations.DatabaseVendor;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * SQLite for {@code dev.appdb.adapter.jooq.Databases}, found through
 * {@link java.util.ServiceLoader}: a service opens SQLite with {@code Databases.open(url)} and
 * never names this class. Public only because the service loader needs it.
 */
public final class SqliteProvider implements DatabaseProvider {

  /** Made by the service loader. */
  public SqliteProvider() {}

  @Override
  public DatabaseVendor vendor() {
    return DatabaseVendor.SQLITE;
  }

  /** @throws ClassCastException when the settings' target is not SQLite */
  @Override
  public JooqDatabase open(DatabaseSettings settings) {
    return SqliteDatabase.open(((SqliteTarget) settings.target()).file(), settings.pool());
  }

  @Override
  public JooqDatabase adopt(String target, DataSource dataSource, Duration poolTimeout,
      Duration statementTimeout) {
    return SqliteDatabase.adopt(target, dataSource, poolTimeout, statementTimeout);
  }
}
