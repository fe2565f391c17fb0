package dev.appdb.adapter.jooq;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A SQLite database file, as sqlite-jdbc opens it ({@code jdbc:sqlite:<file>}). The path is kept
 * as written: a relative path is resolved against the working directory when the file is opened.
 *
 * @param file the database file; not {@code null}, not empty and not SQLite's in-memory name
 *     {@code :memory:} (every pooled connection would see its own empty database)
 */
public record SqliteTarget(Path file) implements DatabaseTarget {

  /** @throws IllegalArgumentException when {@code file} is empty or {@code :memory:} */
  public SqliteTarget {
    Objects.requireNonNull(file, "file");
    if (file.toString().isEmpty() || file.toString().equals(":memory:")) {
      throw new IllegalArgumentException(
          "a SQLite target needs a database file, was '" + file + "'");
    }
  }

  /** @return {@code "sqlite:" + file}, e.g. {@code sqlite:./database.db} */
  @Override
  public String display() {
    return "sqlite:" + file;
  }
}
