package dev.appdb.adapter.jooq.spi;

import dev.appdb.adapter.jooq.DatabaseSettings;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.migrations.DatabaseVendor;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * How {@link Databases} opens a database of one vendor that adapter-jooq does not carry itself:
 * an adapter module (adapter-sqlite) lists its implementation in
 * {@code META-INF/services/dev.appdb.adapter.jooq.spi.DatabaseProvider}, so that putting the
 * module on the class path is all a service does to use it. Not called by services directly.
 */
public interface DatabaseProvider {

  /** @return the vendor this provider opens */
  DatabaseVendor vendor();

  /**
   * @param settings settings whose target is of {@link #vendor()}
   * @return the open database (not migrated)
   * @throws dev.appdb.domain.error.DatabaseUnavailableException when it cannot be opened
   */
  JooqDatabase open(DatabaseSettings settings);

  /**
   * @param target where the pool connects, for messages; never a password
   * @param dataSource the service's own pool of this vendor's connections
   * @param poolTimeout the pool's checkout timeout, for messages
   * @param statementTimeout the JDBC query timeout of every statement, at least 1 s
   * @return the database over that pool (not migrated)
   * @throws IllegalArgumentException when the pool's connections are unfit (named in the message)
   */
  JooqDatabase adopt(String target, DataSource dataSource, Duration poolTimeout,
      Duration statementTimeout);
}
