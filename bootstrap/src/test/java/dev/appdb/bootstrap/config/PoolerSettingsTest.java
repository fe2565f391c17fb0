package dev.appdb.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.Pooler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pooler setting from the URL and from {@code database.pooler}, checked once, typed. */
class PoolerSettingsTest {

  private static final String URL = "postgresql://app:pw@db.example.com/app";

  private static AppdbSettings load(Map<String, String> environment) {
    return SettingsLoader.load(null, environment, Map.of());
  }

  @Test
  void aContradictionBetweenTheUrlAndTheSettingIsRefusedEitherWay() {
    assertThatThrownBy(() -> load(Map.of("DATABASE_URL", URL + "?pooler=transaction",
        "APPDB_POOLER", "none"))).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("contradicts").hasMessageContaining("APPDB_POOLER");
    assertThatThrownBy(() -> load(Map.of("DATABASE_URL", URL + "?pooler=none",
        "APPDB_POOLER", "transaction"))).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("contradicts");
  }

  @Test
  void startupParametersAndNamedStatementsAreRefusedBehindATransactionPooler() {
    for (String parameter : new String[] {"options=-c%20search_path%3Dx",
        "currentSchema=app", "prepareThreshold=5", "defaultRowFetchSize=10"}) {
      String jdbc = "jdbc:postgresql://db.example.com/app?user=app&password=pw&" + parameter;
      assertThatThrownBy(() -> load(Map.of("DATABASE_URL", jdbc, "APPDB_POOLER",
          "transaction"))).as(parameter).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(parameter.substring(0, parameter.indexOf('=')))
          .hasMessageNotContaining("pw&");
    }
  }

  @Test
  void zeroWrittenAnyWayAndAnEmptyValueAreAccepted() {
    AppdbSettings settings = load(Map.of("DATABASE_URL",
        "jdbc:postgresql://db.example.com/app?user=app&prepareThreshold=00&pooler=",
        "APPDB_POOLER", "transaction"));
    assertThat(settings.postgres().pooler()).isEqualTo(Pooler.TRANSACTION);
    assertThat(load(Map.of("DATABASE_URL", URL, "APPDB_POOLER", "")).postgres().pooler())
        .isEqualTo(Pooler.NONE);
  }
}
