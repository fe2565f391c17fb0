package dev.appdb.spring.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On a SQLite file through Spring Boot's own HikariCP pool (Boot's defaults: 10 connections,
 * 30 s checkout): the URL enforces foreign keys (appdb refuses a pool that does not) and begins
 * every transaction IMMEDIATE (no SQLITE_BUSY between pooled writers).
 */
class AppdbSqliteApplicationTest extends AppdbApplicationContract {

  private static final Path FILE;

  static {
    try {
      Path folder = Files.createTempDirectory("appdb-spring-sqlite");
      folder.toFile().deleteOnExit();
      FILE = folder.resolve("app.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void sqlite(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url",
        () -> "jdbc:sqlite:" + FILE + "?foreign_keys=true&transaction_mode=IMMEDIATE");
    registry.add("test.users-table", () -> "users");
  }

  @Override
  String qualified(String table) {
    return table;
  }
}
