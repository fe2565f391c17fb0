package dev.appdb.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.domain.error.UnexpectedDatabaseException;
import dev.appdb.migrations.MigrationSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

/**
 * appdb.* settings read through Setting, and start-up failures, on a SQLite file. Boot's JDBC
 * auto-configurations are named by Boot 3's and Boot 4's packages, so that it runs on both.
 */
class AppdbSettingsTest {

  @TempDir Path folder;

  /** @return the first of the classes that is on the class path (Boot 3's name, Boot 4's) */
  static Class<?> either(String... names) {
    for (String name : names) {
      try {
        return Class.forName(name);
      } catch (ClassNotFoundException notThisBoot) {
        // the other Boot's
      }
    }
    throw new IllegalStateException("none on the class path: " + String.join(", ", names));
  }

  private ApplicationContextRunner runner(String file) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(
            either("org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"),
            either("org.springframework.boot.autoconfigure.jdbc"
                    + ".DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure"
                    + ".DataSourceTransactionManagerAutoConfiguration"),
            AppdbAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + folder.resolve(file)
            + "?foreign_keys=true&transaction_mode=IMMEDIATE");
  }


  @Test
  void defaultsAreAppdbs() {
    runner("defaults.db").run(context -> {
      assertThat(context).hasNotFailed();
      AppdbSettings settings = context.getBean(AppdbSettings.class);
      assertThat(settings.migrateOnStart()).isTrue();
      assertThat(settings.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(settings.healthTimeout()).isEqualTo(Duration.ofMillis(2000));
    });
  }

  @Test
  void settingsBindFromSpringKeysAndFromAppdbsVariables() {
    runner("set.db").withPropertyValues("appdb.pool.statement-timeout-seconds=7",
        "appdb.health.timeout-ms=250", "APPDB_MIGRATE_ON_START=false").run(context -> {
          AppdbSettings settings = context.getBean(AppdbSettings.class);
          assertThat(settings.statementTimeout()).isEqualTo(Duration.ofSeconds(7));
          assertThat(settings.healthTimeout()).isEqualTo(Duration.ofMillis(250));
          assertThat(settings.migrateOnStart()).isFalse();
        });
  }

  @Test
  void aBadValueFailsStartUpNamingTheKeyAndItsLimits() {
    runner("bad.db").withPropertyValues("appdb.health.timeout-ms=5").run(context -> {
      assertThat(context).hasFailed();
      assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("appdb.health.timeout-ms (APPDB_HEALTH_TIMEOUT_MS) must be an integer from"
              + " 100 to 60000 ms, was '5'");
    });
    runner("bad2.db").withPropertyValues("appdb.database.migrate-on-start=sometimes")
        .run(context -> assertThat(NestedExceptionUtils.getMostSpecificCause(
            context.getStartupFailure())).hasMessageContaining("appdb.database.migrate-on-start")
            .hasMessageContaining("must be true or false"));
  }

  @Test
  void aSettingOfAPoolAppdbWouldOpenItselfIsRefusedNamingSpringsKey() {
    runner("pool.db").withPropertyValues("appdb.pool.size=3").run(context ->
        assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
            .hasMessageContaining("appdb.pool.size does not apply under Spring Boot")
            .hasMessageContaining("spring.datasource.hikari.maximum-pool-size"));
  }

  @Test
  void withoutMigrationsAtStartTheSchemaIsLeftAloneAndHealthSaysOutOfService() {
    runner("unmigrated.db").withPropertyValues("appdb.database.migrate-on-start=false")
        .run(context -> {
          assertThat(context).hasNotFailed();
          try (Connection connection = context.getBean(DataSource.class).getConnection();
              ResultSet tables = connection.getMetaData().getTables(null, null, "users", null)) {
            assertThat(tables.next()).as("appdb's users table").isFalse();
          }
          AppdbHealth.Result health = context.getBean(AppdbHealth.class).check();
          assertThat(health.status()).isEqualTo(AppdbHealth.Status.OUT_OF_SERVICE);
          assertThat(health.details()).containsKey("schema");
        });
  }

  @Test
  void aFailedMigrationStopsStartUpWithItsOneLineMessage() {
    runner("broken.db").withBean(MigrationSet.class, () -> MigrationSet.of("broken",
        "classpath:broken/postgresql", "classpath:broken/sqlite")).run(context -> {
          assertThat(context).hasFailed();
          Throwable cause = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
          Throwable appdb = cause;
          for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
            if (t instanceof UnexpectedDatabaseException) {
              appdb = t;
            }
          }
          assertThat(appdb).isInstanceOf(UnexpectedDatabaseException.class)
              .hasMessageContaining("V1__broken.sql line 4");
          assertThat(appdb.getMessage()).doesNotContain("\n");
        });
  }

  @Test
  void withoutADataSourceThereIsNoAppdb() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AppdbAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(JooqDatabase.class));
  }
}
