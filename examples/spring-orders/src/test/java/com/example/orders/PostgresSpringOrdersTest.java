package com.example.orders;

import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL 16 ({@link PostgresTestServer}: embedded unless APPDB_TEST_POSTGRES_URL names one). */
class PostgresSpringOrdersTest extends SpringOrdersContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresServer server = PostgresTestServer.get();
    String database = PostgresTestServer.createDatabase("spring_orders");
    registry.add("spring.datasource.url", () -> server.jdbcUrl(database));
    registry.add("spring.datasource.username", server::adminUser);
    registry.add("spring.datasource.password", server::adminPassword);
  }
}
