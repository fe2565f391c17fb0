package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.MicrometerMetrics;
import dev.appdb.domain.error.PoolStatus;
import dev.appdb.domain.user.User;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One call binds HikariCP's and appdb's meters; appdb's count units by outcome. */
class SqliteMetricsTest {

  private SqliteTestDatabase database;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void open() {
    database = SqliteTestDatabase.open(2);
    MicrometerMetrics.bind(database.database(), registry);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void unitsAreCountedByOutcomeAndModeBesideHikarisOwnMeters() {
    database.transactions().inTransaction(tx -> tx.users().create(
        User.register("Ada", "Lovelace", null, Instant.now())));
    database.transactions().readOnly(tx -> tx.users().count());
    RuntimeException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> database.transactions().inTransaction(tx -> {
      throw boom;
    })).isSameAs(boom);

    assertThat(count("committed", "read_write")).isEqualTo(1);
    assertThat(count("committed", "read_only")).isEqualTo(1);
    assertThat(count("rolled_back", "read_write")).isEqualTo(1);
    assertThat(count("outcome_unknown", "read_write")).isZero();
    assertThat(registry.get("appdb.pool.checkouts").tag("pool", "appdb").functionCounter()
        .count()).isEqualTo(3);
    assertThat(registry.get("hikaricp.connections").tag("pool", "appdb").gauge().value())
        .isPositive();

    PoolStatus status = database.probe().poolStatus();
    assertThat(status.pool()).isEqualTo("appdb");
    assertThat(status.checkouts()).isEqualTo(3);
    assertThat(status.checkoutTimeouts()).isZero();
    assertThat(status.meanWaitMillis()).isNotNegative();
  }

  private long count(String outcome, String mode) {
    return registry.get("appdb.units").tag("outcome", outcome).tag("mode", mode).timer().count();
  }
}
