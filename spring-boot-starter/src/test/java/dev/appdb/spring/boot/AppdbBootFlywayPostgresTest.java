package dev.appdb.spring.boot;

import dev.appdb.spring.boot.app.AppdbTestApplication;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AppdbBootFlywayTest} on PostgreSQL: the service's history in public, appdb's in app. */
@Tag("boot-3-flyway") // its own surefire execution, on Boot 3.5's Flyway
@SpringBootTest(classes = AppdbTestApplication.class, properties = {
    "spring.sql.init.mode=never", "test.users-table=app.users"})
class AppdbBootFlywayPostgresTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresServer server = PostgresTestServer.get();
    String database = PostgresTestServer.createDatabase("appdb_spring_flyway");
    registry.add("spring.datasource.url", () -> server.jdbcUrl(database));
    registry.add("spring.datasource.username", server::adminUser);
    registry.add("spring.datasource.password", server::adminPassword);
  }

  @Autowired Flyway servicesFlyway;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aServicesOwnBootFlywayStartsBesideAppdbsMigrations() {
    AppdbBootFlywayTest.bothHistories(servicesFlyway, jdbc, "app.appdb_schema_history");
  }
}
