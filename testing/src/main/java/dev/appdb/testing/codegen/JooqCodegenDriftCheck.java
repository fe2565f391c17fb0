package dev.appdb.testing.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The drift check a service extends in one class: regenerates the jOOQ classes from a freshly
 * migrated database on the run's {@link PostgresTestServer} and fails, naming the files, when
 * they differ from the committed ones (a migration added without regenerating, or generated code
 * edited by hand).
 *
 * <pre>{@code
 * class OrdersCodegenDriftTest extends JooqCodegenDriftCheck {
 *   protected JooqCodegen codegen() {
 *     return JooqCodegen.forPackage("com.example.orders.schema").withMigrations(List.of(ORDERS));
 *   }
 * }
 * }</pre>
 */
public abstract class JooqCodegenDriftCheck {

  @TempDir
  Path regenerated;

  /** @return the same generator the build runs */
  protected abstract JooqCodegen codegen();

  /**
   * @return the folder holding the committed generated classes, relative to the module; by
   *     default {@code src/main/generated}
   */
  protected Path committed() {
    return Path.of("src/main/generated");
  }

  /**
   * @return how to regenerate, shown when the check fails; by default the exec-plugin profile
   *     of appdb's example ({@code ./mvnw -Pjooq-codegen generate-sources})
   */
  protected String regenerateHint() {
    return "./mvnw -Pjooq-codegen generate-sources";
  }

  @Test
  void committedClassesAreExactlyWhatTheMigratedSchemaGenerates() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    PGSimpleDataSource empty = new PGSimpleDataSource();
    empty.setURL(server.jdbcUrl(PostgresTestServer.createDatabase("codegen_drift")));
    empty.setUser(server.adminUser());
    empty.setPassword(server.adminPassword());
    JooqCodegen codegen = codegen();
    codegen.generate(regenerated, empty);

    String packageFolder = codegen.packageName().replace('.', '/');
    Map<String, String> expected = sources(regenerated.resolve(packageFolder));
    Map<String, String> actual = sources(committed().resolve(packageFolder));
    List<String> differing = new ArrayList<>();
    expected.forEach((file, text) -> {
      if (!text.equals(actual.get(file))) {
        differing.add(file);
      }
    });
    actual.keySet().stream().filter(file -> !expected.containsKey(file)).forEach(differing::add);
    assertThat(expected).as("the generator wrote no classes into " + packageFolder).isNotEmpty();
    assertThat(differing).as("generated jOOQ classes in " + committed().resolve(packageFolder)
        + " are out of date with the migrations; regenerate with " + regenerateHint()).isEmpty();
  }

  private static Map<String, String> sources(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
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
