package dev.appdb.adapter.jooq.postgres;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.pool.ConnectionPool;
import dev.appdb.adapter.jooq.pool.PoolSettings;
import dev.appdb.domain.error.DatabaseUnavailableException;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

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

  /**
   * A plain, unpooled data source for Flyway, which holds one connection for its lock while it
   * migrates on another: run from the application's pool it would need two free connections.
   * Migrations may also run as a different role than the application (pass that role's
   * credentials here).
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} URL without credentials
   * @param driverProperties pgjdbc properties, credentials included; copied
   * @return the data source, opening a new connection on every call
   * @throws IllegalArgumentException when a property is not a pgjdbc connection property
   */
  public static DataSource migrationDataSource(String jdbcUrl, Properties driverProperties) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl);
    for (String name : driverProperties.stringPropertyNames()) {
      try {
        dataSource.setProperty(name, driverProperties.getProperty(name));
      } catch (SQLException unknown) {
        throw new IllegalArgumentException("not a pgjdbc connection property: " + name, unknown);
      }
    }
    dataSource.setApplicationName("appdb-migrations");
    return dataSource;
  }
}
