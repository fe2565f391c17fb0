package com.example.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On a temporary SQLite file, the URL of application.yml but for the file. */
class SqliteSpringOrdersTest extends SpringOrdersContract {

  private static final Path FILE;

  static {
    try {
      Path folder = Files.createTempDirectory("spring-orders-sqlite");
      folder.toFile().deleteOnExit();
      FILE = folder.resolve("spring-orders.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void sqlite(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url",
        () -> "jdbc:sqlite:" + FILE + "?foreign_keys=true&transaction_mode=IMMEDIATE");
  }
}
