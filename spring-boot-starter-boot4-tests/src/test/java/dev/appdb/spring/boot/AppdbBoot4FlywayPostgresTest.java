package dev.appdb.spring.boot;

import dev.appdb.spring.boot.app.AppdbTestApplication;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AppdbBoot4FlywayTest} on PostgreSQL: the service's history in public, appdb's in app. */
@SpringBootTest(classes = AppdbTestApplication.class, properties = {
    "spring.sql.init.mode=never", "test.users-table=app.users"})
class AppdbBoot4FlywayPostgresTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresServer server = PostgresTestServer.get();
    String database = PostgresTestServer.createDatabase("appdb_spring4_flyway");
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
