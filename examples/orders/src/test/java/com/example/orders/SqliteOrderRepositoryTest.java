package com.example.orders;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real SQLite file. */
class SqliteOrderRepositoryTest extends OrderRepositoryContract {

  @TempDir
  Path folder;

  @Override
  protected String newDatabaseUrl() {
    return "sqlite:///" + folder.resolve("orders.db");
  }
}
