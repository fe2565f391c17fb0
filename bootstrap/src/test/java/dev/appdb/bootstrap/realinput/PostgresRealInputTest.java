package dev.appdb.bootstrap.realinput;

import dev.appdb.bootstrap.Appdb;
import dev.appdb.bootstrap.config.SettingsLoader;
import dev.appdb.bootstrap.testdata.PostgresUrls;
import java.util.Map;

/** The real-input scenario on a fresh PostgreSQL 16 database, chosen by DATABASE_URL alone. */
class PostgresRealInputTest extends RealInputScenario {

  @Override
  protected Appdb startEmpty() {
    return Appdb.start(SettingsLoader.load(null,
        Map.of("DATABASE_URL", PostgresUrls.freshDatabase("real_input")), Map.of()));
  }
}
