package dev.appdb.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.spring.boot.app.AppdbTestApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service's own Flyway, run by Spring Boot from {@code classpath:db/migration} into
 * {@code flyway_schema_history}, starts beside appdb's migrations ({@code appdb_schema_history}),
 * on SQLite. Runs in its own surefire execution on the Flyway Boot 3.5 manages (see the pom).
 */
@Tag("boot-3-flyway") // its own surefire execution, on Boot 3.5's Flyway
@SpringBootTest(classes = AppdbTestApplication.class, properties = {
    "spring.sql.init.mode=never", "test.users-table=users"})
class AppdbBootFlywayTest {

  private static final Path FILE;

  static {
    try {
      FILE = Files.createTempDirectory("appdb-spring-flyway").resolve("app.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void sqlite(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url",
        () -> "jdbc:sqlite:" + FILE + "?foreign_keys=true&transaction_mode=IMMEDIATE");
  }

  @Autowired Flyway servicesFlyway;
  @Autowired JdbcTemplate jdbc;

  static void bothHistories(Flyway flyway, JdbcTemplate jdbc, String appdbHistory) {
    assertThat(flyway.getConfiguration().getTable()).isEqualTo("flyway_schema_history");
    assertThat(jdbc.queryForList("SELECT script FROM flyway_schema_history WHERE success",
        String.class)).as("Spring Boot's Flyway: the service's scripts only")
        .containsExactly("V1__service_events.sql");
    assertThat(jdbc.queryForList("SELECT script FROM " + appdbHistory + " WHERE success",
        String.class)).as("appdb's own history").contains("V1__users_and_identities.sql")
        .doesNotContain("V1__service_events.sql");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM service_events", Long.class)).isZero();
  }

  @Test
  void aServicesOwnBootFlywayStartsBesideAppdbsMigrations() {
    assertThat(Flyway.class.getProtectionDomain().getCodeSource().getLocation().toString())
        .as("the Flyway Boot 3.5 manages").contains("flyway-core-11.");
    bothHistories(servicesFlyway, jdbc, "appdb_schema_history");
  }
}
