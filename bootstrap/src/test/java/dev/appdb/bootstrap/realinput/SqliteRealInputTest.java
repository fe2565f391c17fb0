package dev.appdb.bootstrap.realinput;

import dev.appdb.bootstrap.Appdb;
import dev.appdb.bootstrap.config.SettingsLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The real-input scenario on a fresh SQLite file, configured the way a user would. */
class SqliteRealInputTest extends RealInputScenario {

  @TempDir
  Path folder;

  @Override
  protected Appdb startEmpty() {
    return Appdb.start(SettingsLoader.load(null,
        Map.of("DATABASE_URL", "sqlite:///" + folder.resolve("real-input.db")), Map.of()));
  }
}
