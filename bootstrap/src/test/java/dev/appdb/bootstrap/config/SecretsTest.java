package dev.appdb.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret files: one newline dropped, errors naming the key and path, shared files warned of. */
class SecretsTest {

  private static final String SECRET = "s3cr3t-in-a-file";

  @TempDir
  Path folder;

  @Test
  void aFileOthersMayReadIsWarnedOfByPathAndModeNeverByContent() throws Exception {
    Path shared = Files.writeString(folder.resolve("shared"), SECRET + "\r\n");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
    Path own = Files.writeString(folder.resolve("own"), SECRET + "\n");
    Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("r--------"));

    List<String> lines;
    try (LogCapture capture = LogCapture.everything()) {
      assertThat(Secrets.read(shared, "database.password-file")).isEqualTo(SECRET);
      assertThat(Secrets.read(own, "database.migration-password-file")).isEqualTo(SECRET);
      lines = capture.lines();
    }

    assertThat(lines).filteredOn(line -> line.contains("beyond its owner"))
        .singleElement().asString()
        .contains("WARN", shared.toString(), "rw-r--r--", "database.password-file");
    LogCapture.assertNoSecretIn(lines, List.of(SECRET));
  }

  @Test
  void aMissingOrEmptyFileNamesTheKeyAndThePath() throws Exception {
    Path missing = folder.resolve("missing");
    Path empty = Files.writeString(folder.resolve("empty"), "\n");

    assertThatThrownBy(() -> Secrets.read(missing, "provision.admin-password-file"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("provision.admin-password-file")
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> Secrets.read(empty, "database.ssl-key-password-file"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("database.ssl-key-password-file: " + empty + " is empty");
  }

  @Test
  void aSecretGivenWhereItsFileBelongsIsNeverEchoed() {
    // DATABASE_PASSWORD_FILE=<the password>: neither relative nor in an existing folder
    for (String mistake : List.of(SECRET, "pa/ss:w0rd", folder.resolve("no-such-dir/x") + "")) {
      assertThatThrownBy(() -> Secrets.read(Path.of(mistake), "database.password-file"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("database.password-file: cannot read the file it names")
          .hasMessageNotContaining(mistake);
    }
  }
}
