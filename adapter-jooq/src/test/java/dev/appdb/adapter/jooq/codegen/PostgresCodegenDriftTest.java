package dev.appdb.adapter.jooq.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift check: regenerates the jOOQ classes from a freshly migrated PostgreSQL database and
 * fails when they differ from the committed ones in {@code src/main/generated} (a migration added
 * or changed without regenerating, or generated code edited by hand).
 */
class PostgresCodegenDriftTest {

  private static final Path COMMITTED = Path.of("src/main/generated");

  @TempDir
  Path regenerated;

  @Test
  void committedClassesAreExactlyWhatTheMigratedSchemaGenerates() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.open("codegen_drift", 1);
        Connection connection = database.database().dataSource().getConnection()) {
      GenerateJooqClasses.generate(regenerated, connection);
    }

    Map<String, String> expected = sources(regenerated);
    Map<String, String> actual = sources(COMMITTED);
    List<String> differing = new ArrayList<>();
    expected.forEach((file, text) -> {
      if (!text.equals(actual.get(file))) {
        differing.add(file);
      }
    });
    actual.keySet().stream().filter(file -> !expected.containsKey(file)).forEach(differing::add);

    assertThat(differing)
        .as("generated jOOQ classes are out of date with the migrations; regenerate with "
            + "./mvnw -B -pl adapter-jooq -am -Pjooq-codegen process-test-classes")
        .isEmpty();
    assertThat(expected).isNotEmpty();
    assertThat(expected.keySet()).noneMatch(file -> file.contains("FlywaySchemaHistory"));
    assertThat(expected.get("dev/appdb/adapter/jooq/schema/App.java"))
        .contains("super(\"app\", null)");
  }

  private static Map<String, String> sources(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(file -> {
        try {
          files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return files;
  }
}
