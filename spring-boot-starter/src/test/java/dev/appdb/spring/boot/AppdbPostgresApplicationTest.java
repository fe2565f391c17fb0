package dev.appdb.spring.boot;

import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL 16 ({@link PostgresTestServer}), a fresh database, Spring Boot's HikariCP. */
class AppdbPostgresApplicationTest extends AppdbApplicationContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresServer server = PostgresTestServer.get();
    String database = PostgresTestServer.createDatabase("appdb_spring");
    registry.add("spring.datasource.url", () -> server.jdbcUrl(database));
    registry.add("spring.datasource.username", server::adminUser);
    registry.add("spring.datasource.password", server::adminPassword);
    registry.add("test.users-table", () -> "app.users");
  }

  @Override
  String qualified(String table) {
    return "app." + table;
  }
}
