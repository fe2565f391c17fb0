package dev.appdb.adapter.jooq.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.PostgresConnectionSettings;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresConnectionSettingsTest {

  private static final Duration STATEMENT = Duration.ofSeconds(30);

  @Test
  void defaultsBecomePgjdbcPropertiesAndServerSettings() {
    Properties properties = new Properties();
    PostgresConnectionSettings.defaults(STATEMENT).applyTo(properties, STATEMENT);

    assertThat(properties).containsEntry("connectTimeout", "10").containsEntry("loginTimeout", "10")
        .containsEntry("socketTimeout", "45").containsEntry("tcpKeepAlive", "true")
        .containsEntry("options",
            "-c statement_timeout=30000 -c idle_in_transaction_session_timeout=60000");
  }

  @Test
  void whatTheUrlSetWinsButItsOptionsMayNotSetTheServerTimeouts() {
    Properties properties = new Properties();
    properties.setProperty("connectTimeout", "3");
    properties.setProperty("tcpKeepAlive", "false");
    properties.setProperty("options", "-c search_path=app");
    PostgresConnectionSettings.defaults(STATEMENT).applyTo(properties, STATEMENT);

    assertThat(properties).containsEntry("connectTimeout", "3")
        .containsEntry("tcpKeepAlive", "false").containsEntry("logServerErrorDetail", "false")
        .containsEntry("options", "-c statement_timeout=30000"
            + " -c idle_in_transaction_session_timeout=60000 -c search_path=app");

    Properties overriding = new Properties();
    overriding.setProperty("options", "-c Statement_Timeout=5000");
    assertThatThrownBy(() -> PostgresConnectionSettings.defaults(STATEMENT)
        .applyTo(overriding, STATEMENT)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("options must not set statement_timeout");
  }

  @Test
  void refusesASocketTimeoutThatWouldCutOffARunningStatement() {
    PostgresConnectionSettings settings = new PostgresConnectionSettings(Duration.ofSeconds(10),
        Duration.ofSeconds(10), Duration.ofSeconds(30), true, Duration.ZERO);

    assertThatThrownBy(() -> settings.applyTo(new Properties(), STATEMENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database.socket-timeout-seconds (APPDB_SOCKET_TIMEOUT_SECONDS) (30 s)"
            + " must exceed pool.statement-timeout-seconds (APPDB_STATEMENT_TIMEOUT_SECONDS)"
            + " (30 s)");
  }

  @Test
  void namesTheSettingAndItsLimit() {
    assertThatThrownBy(() -> new PostgresConnectionSettings(Duration.ofMillis(500),
        Duration.ofSeconds(10), Duration.ofSeconds(45), true, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("database.connect-timeout-seconds (APPDB_CONNECT_TIMEOUT_SECONDS) must be from"
            + " 1 s to 3600 s, was 500 ms");
  }
}
