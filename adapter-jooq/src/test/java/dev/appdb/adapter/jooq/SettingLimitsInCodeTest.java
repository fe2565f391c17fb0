package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Settings given in code are checked against the registry's limits, in the key's unit, with two
 * exceptions the registry states: the pool timeout may be as short as HikariCP allows (an adopted
 * pool's {@code connectionTimeout} can be 250 ms), and a timeout whose 0 means off is refused
 * below one unit rather than sent as 0.
 */
class SettingLimitsInCodeTest {

  @Test
  void thePoolTimeoutGoesDownToHikarisFloorInCodeOnly() {
    assertThat(PoolSettings.PRODUCTION.withPoolTimeout(Duration.ofMillis(250)).poolTimeout())
        .isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(() -> PoolSettings.PRODUCTION.withPoolTimeout(Duration.ofMillis(249)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pool.timeout-seconds (APPDB_POOL_TIMEOUT_SECONDS) must be from 250 ms to"
            + " 3600 s, was 249 ms");
    assertThatThrownBy(() -> Setting.POOL_TIMEOUT_SECONDS.parseDuration("0"))
        .hasMessage("pool.timeout-seconds (APPDB_POOL_TIMEOUT_SECONDS) must be an integer from"
            + " 1 to 3600 s, was '0'");
  }

  @Test
  void aTimeoutWhoseZeroMeansOffIsNotRoundedToOff() {
    assertThatThrownBy(() -> new PostgresConnectionSettings(Duration.ofSeconds(10),
        Duration.ofSeconds(10), Duration.ofSeconds(45), true, Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("database.idle-in-transaction-timeout-seconds"
            + " (APPDB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS) must be 0 (off) or at least 1 s,"
            + " was 500 ms");
    assertThat(new PostgresConnectionSettings(Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(45), true, Duration.ZERO).idleInTransactionTimeout()).isZero();
  }
}
