package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a service sees when its dependency manager puts a newer jOOQ on the class path (Spring
 * Boot 4.1 manages 3.21): a JVM with jOOQ 3.21.9 instead of appdb's opens a database and gets one
 * clear error at start, naming both versions and the fix, before any statement.
 */
class JooqRuntimeForeignJooqTest {

  private static final Path FOREIGN = Path.of("target", "foreign-jooq", "jooq-foreign.jar");

  /** Run in the child JVM: opens a database and prints how that failed. */
  public static final class Probe {
    public static void main(String[] args) {
      try {
        Databases.open("postgresql://127.0.0.1:1/none").close();
        System.out.println("OPENED");
      } catch (RuntimeException e) {
        System.out.println(e.getClass().getName() + ": " + e.getMessage());
      }
    }
  }

  @Test
  void aNewerJooqOnTheClassPathFailsAtStartNamingBothVersionsAndTheFix() throws Exception {
    assumeTrue(Files.isRegularFile(FOREIGN), FOREIGN + " is copied by the build's"
        + " process-test-resources phase");
    String classPath = Arrays.stream(System.getProperty("java.class.path")
            .split(File.pathSeparator))
        .map(entry -> entry.matches(".*[/\\\\]jooq-3\\.19\\.[0-9]+\\.jar")
            ? FOREIGN.toAbsolutePath().toString() : entry)
        .collect(Collectors.joining(File.pathSeparator));
    assertThat(classPath).contains("jooq-foreign.jar");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(List.of(java.toString(), "-cp", classPath,
        Probe.class.getName())).redirectErrorStream(true).start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(output).contains("java.lang.IllegalStateException: ")
        .contains("appdb is built and tested with jOOQ 3.19.")
        .contains("import dev.appdb:appdb-bom, or under Spring Boot set the property"
            + " jooq.version=3.19.")
        .doesNotContain("OPENED");
    if (Runtime.version().feature() < 21) {
      assertThat(output).contains("the jOOQ on the class path cannot run on Java "
          + Runtime.version().feature());
    } else {
      assertThat(output).contains("jOOQ 3.21.9 is on the class path");
    }
  }
}
