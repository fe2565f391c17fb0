package dev.appdb.spring.boot;

import com.zaxxer.hikari.HikariDataSource;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.MicrometerMetrics;
import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.port.Transactions;
import dev.appdb.migrations.MigrationSet;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * appdb on the application's {@link DataSource}, with no code of the application's: a
 * {@link JooqDatabase} adopting it ({@link Databases#adopt}), its units joining Spring-managed
 * transactions ({@link SpringEnclosingTransactions}), appdb's migrations and every
 * {@link MigrationSet} bean applied at start (unless {@code appdb.database.migrate-on-start=false}),
 * the {@link Transactions} and {@link DatabaseProbe} beans, the {@code appdb} health indicator and
 * appdb's Micrometer meters.
 *
 * <p>Spring Boot API used here ({@code @AutoConfiguration}, conditions,
 * {@code @DependsOnDatabaseInitialization}, {@code Binder} in {@link AppdbSettings}) is the same
 * on Boot 3.5 and Boot 4.0 (Boot 4 moved {@code @DependsOnDatabaseInitialization} from
 * {@code spring-boot} to {@code spring-boot-sql}, same package; Boot 4's
 * {@code DataSourceAutoConfiguration} moved and is named here by both names). The health API
 * differs: Boot 3's is confined to {@link AppdbHealthIndicator} and
 * {@link AppdbHealthConfiguration}, Boot 4's to {@link AppdbBoot4HealthIndicator} and
 * {@link AppdbBoot4HealthConfiguration}; each configuration is active only when its API is on the
 * class path.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@ConditionalOnClass(name = "org.springframework.jdbc.datasource.ConnectionHolder")
@ConditionalOnSingleCandidate(DataSource.class)
@Import({AppdbHealthConfiguration.class, AppdbBoot4HealthConfiguration.class})
public class AppdbAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(AppdbAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  AppdbSettings appdbSettings(Environment environment) {
    return AppdbSettings.from(environment);
  }

  /**
   * Adopts the data source and migrates it: Spring Boot's own database initializers (a service's
   * Flyway or Liquibase, {@code spring.sql.init}) run first, so that they find the schema they
   * expect, appdb's scripts then migrate beside them with their own history tables.
   */
  @Bean
  @ConditionalOnMissingBean
  @DependsOnDatabaseInitialization
  JooqDatabase appdbDatabase(DataSource dataSource, AppdbSettings settings,
      ObjectProvider<MigrationSet> migrationSets) {
    String target = target(dataSource);
    JooqDatabase database = Databases.adopt(dataSource, target, settings.statementTimeout());
    try {
      database.joinEnclosingTransactions(new SpringEnclosingTransactions(dataSource));
      List<MigrationSet> sets = migrationSets.orderedStream().toList();
      if (settings.migrateOnStart()) {
        database.migrate(sets);
      } else {
        database.expectMigrations(sets);
        LOG.atInfo().setMessage("migrations not applied at start (appdb.database.migrate-on-start"
            + "=false)").addKeyValue("target", target).log();
      }
      return database;
    } catch (RuntimeException e) {
      database.close(); // the probe's thread; the adopted pool stays open for its owner
      throw e;
    }
  }

  @Bean(destroyMethod = "") // closed with the database
  @ConditionalOnMissingBean
  Transactions appdbTransactions(JooqDatabase appdbDatabase) {
    return appdbDatabase.transactions();
  }

  @Bean(destroyMethod = "") // closed with the database
  @ConditionalOnMissingBean
  DatabaseProbe appdbProbe(JooqDatabase appdbDatabase) {
    return appdbDatabase.probe();
  }

  @Bean
  @ConditionalOnMissingBean
  AppdbHealth appdbHealth(JooqDatabase appdbDatabase, AppdbSettings settings) {
    return new AppdbHealth(appdbDatabase.probe(), appdbDatabase.target(),
        settings.healthTimeout());
  }

  /**
   * appdb's meters ({@code appdb.units}, {@code appdb.pool.*}); HikariCP's {@code hikaricp.*}
   * meters of the adopted pool stay Spring Boot's to bind.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterBinder.class)
  static class Metrics {

    @Bean
    @ConditionalOnMissingBean(name = "appdbMeterBinder")
    MeterBinder appdbMeterBinder(JooqDatabase appdbDatabase) {
      return registry -> MicrometerMetrics.bind(appdbDatabase, registry);
    }
  }

  /**
   * @return where the data source points, for appdb's messages and logs: its JDBC URL without
   *     user, password or parameters
   */
  static String target(DataSource dataSource) {
    String url = null;
    try {
      if (dataSource instanceof HikariDataSource hikari) {
        url = hikari.getJdbcUrl();
      } else if (dataSource.isWrapperFor(HikariDataSource.class)) {
        url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
      }
    } catch (SQLException | RuntimeException notHikari) {
      url = null;
    }
    if (url == null) {
      return "the application's DataSource";
    }
    int query = url.indexOf('?');
    String bare = query < 0 ? url : url.substring(0, query);
    return bare.replaceFirst("//[^/@]*@", "//");
  }
}
