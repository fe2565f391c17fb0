package dev.appdb.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.adapter.jooq.testing.LogCapture;
import dev.appdb.bootstrap.config.AppdbSettings;
import dev.appdb.bootstrap.config.SettingsLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings in effect are logged once at start, under their registry keys. */
class EffectiveSettingsLogTest {

  @TempDir
  Path folder;

  @Test
  void oneLineAtStartNamesEverySettingInEffect() {
    AppdbSettings settings = SettingsLoader.load(null, Map.of(
        "DATABASE_URL", "sqlite:///" + folder.resolve("effective.db"),
        "APPDB_POOL_SIZE", "3", "APPDB_HEALTH_TIMEOUT_MS", "1500"), Map.of());
    List<String> lines;
    try (LogCapture capture = LogCapture.everything();
        Appdb appdb = Appdb.start(settings, false)) {
      lines = capture.lines().stream().filter(line -> line.contains("settings in effect"))
          .toList();
    }
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("profile=dev", "database.url=sqlite:", "pool.size=3",
        "pool.max-overflow=0", "pool.statement-timeout-seconds=30", "health.timeout-ms=1500",
        "import.batch-size=500");
  }
}
