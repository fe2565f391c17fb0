package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pool settings reach HikariCP, the pass-through included, on a real pool. */
class SqlitePoolSettingsTest {

  private static PoolSettings settings(boolean onDemand, Map<String, String> hikari) {
    return new PoolSettings("reports", 3, 0, Duration.ofSeconds(5), Duration.ofMinutes(30),
        Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(10),
        PoolSettings.DEFAULT_HEALTH_TIMEOUT, onDemand, hikari);
  }

  @Test
  void nameLeakDetectionOnDemandAndPassThroughReachHikari() throws Exception {
    Path file = Files.createTempDirectory("appdb-pool-").resolve("pool.db");
    try (JooqDatabase database = SqliteDatabase.open(file,
        settings(true, Map.of("validationTimeout", "3000")))) {
      var hikari = database.dataSource().unwrap(com.zaxxer.hikari.HikariDataSource.class);
      assertThat(hikari.getPoolName()).isEqualTo("reports");
      assertThat(hikari.getLeakDetectionThreshold()).isEqualTo(10_000);
      assertThat(hikari.getValidationTimeout()).isEqualTo(3000);
      assertThat(hikari.getMinimumIdle()).as("on demand").isZero();
      assertThat(database.probe().poolStatus().size()).as("only the start-up check's")
          .isLessThanOrEqualTo(1);
    }
  }

  @Test
  void thePassThroughRefusesWhatAppdbOwnsWhateverItsCaseAndEveryDriverProperty() {
    for (String owned : new String[] {"AutoCommit", "maximumPoolSize", "dataSource.options"}) {
      assertThatThrownBy(() -> settings(false, Map.of(owned, "x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("pool.hikari." + owned + " is set by appdb");
    }
  }

  @Test
  void anUnknownHikariPropertyIsRefusedNamingIt() throws Exception {
    Path file = Files.createTempDirectory("appdb-pool-").resolve("pool.db");
    assertThatThrownBy(() -> SqliteDatabase.open(file,
        settings(false, Map.of("validationTimeoutt", "3000"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pool.hikari")
        .hasMessageContaining("validationTimeoutt");
  }
}
