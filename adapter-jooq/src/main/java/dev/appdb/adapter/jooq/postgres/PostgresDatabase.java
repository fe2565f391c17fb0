package dev.appdb.adapter.jooq.postgres;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.pool.ConnectionPool;
import dev.appdb.adapter.jooq.pool.PoolSettings;
import dev.appdb.domain.error.DatabaseUnavailableException;
import java.util.Properties;

/** Opens a PostgreSQL database through pgjdbc and HikariCP. */
public final class PostgresDatabase {

  private PostgresDatabase() {}

  /**
   * @param target where the pool connects, without password, e.g.
   *     {@code postgresql://db:5432/appdb}
   * @param jdbcUrl a {@code jdbc:postgresql:} URL without credentials
   * @param driverProperties pgjdbc properties ({@code user}, {@code password}, {@code sslmode},
   *     ...); copied, never logged
   * @param settings pool sizes and timeouts
   * @return the open database
   * @throws DatabaseUnavailableException when the first connection cannot be opened
   */
  public static JooqDatabase open(String target, String jdbcUrl, Properties driverProperties,
      PoolSettings settings) {
    Properties properties = new Properties();
    properties.putAll(driverProperties);
    properties.putIfAbsent("ApplicationName", "appdb");
    return new JooqDatabase(new ConnectionPool(target, jdbcUrl, properties, settings),
        new PostgresDialect(), settings);
  }
}
