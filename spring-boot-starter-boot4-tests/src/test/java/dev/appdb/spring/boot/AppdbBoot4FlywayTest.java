package dev.appdb.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.spring.boot.app.AppdbTestApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AppdbBootFlywayTest} on Spring Boot 4 ({@code spring-boot-starter-flyway}) and appdb's
 * own Flyway: unlike Boot 3.5's, Boot 4's Flyway auto-configuration runs on it.
 */
@SpringBootTest(classes = AppdbTestApplication.class, properties = {
    "spring.sql.init.mode=never", "test.users-table=users"})
class AppdbBoot4FlywayTest {

  private static final Path FILE;

  static {
    try {
      FILE = Files.createTempDirectory("appdb-spring4-flyway").resolve("app.db");
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

  @Test
  void aServicesOwnBootFlywayStartsBesideAppdbsMigrationsOnAppdbsFlyway() {
    assertThat(Flyway.class.getProtectionDomain().getCodeSource().getLocation().toString())
        .as("appdb's Flyway").doesNotContain("flyway-core-11.");
    AppdbBootFlywayTest.bothHistories(servicesFlyway, jdbc, "appdb_schema_history");
  }
}
