package dev.appdb.bootstrap.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shared folder of real input files ({@code shared/data}, beside the project) for
 * tests that read them, and skips those tests when it is absent.
 *
 * <p>Looked for, in order: the system property {@value #PROPERTY} (surefire sets it to
 * {@code ${maven.multiModuleProjectDirectory}/../shared}), then {@code ../../shared} relative to
 * the working directory (a module directory), then {@code ../shared} (the project directory).
 * The first candidate with a {@code data} folder wins.
 */
public final class SharedData {

  /** The system property naming the shared folder. */
  public static final String PROPERTY = "appdb.shared.dir";

  private SharedData() {}

  /** @return the {@code shared/data} folder, if found */
  public static Optional<Path> locate() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured));
    }
    candidates.add(Path.of("../../shared"));
    candidates.add(Path.of("../shared"));
    return candidates.stream()
        .map(shared -> shared.resolve("data").toAbsolutePath().normalize())
        .filter(Files::isDirectory)
        .findFirst();
  }

  /**
   * @return the {@code shared/data} folder; skips the calling test (JUnit assumption) when it is
   *     not found
   */
  public static Path dataDir() {
    Optional<Path> data = locate();
    assumeTrue(data.isPresent(), "…/shared/data not found: the real-input tests need the shared "
        + "folder beside the project (or -D" + PROPERTY + "=<path to shared>)");
    return data.get();
  }

  /**
   * @param relative a path inside {@code shared/data}, e.g. {@code "oidc/google-id-token-claims.json"}
   * @return that file; skips the calling test when the folder or the file is missing
   */
  public static Path file(String relative) {
    Path file = dataDir().resolve(relative);
    assumeTrue(Files.isRegularFile(file), () -> file + " not found in the shared data folder");
    return file;
  }
}
