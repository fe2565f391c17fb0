package dev.appdb.bootstrap.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan's names are checked once, each error naming the field and the rule. */
class ProvisionPlanTest {

  private static ProvisionPlan plan(String database, String application, List<String> temporal) {
    return new ProvisionPlan(database, "appowner", "appmigrator", application, "backupuser",
        "temporal", temporal, Map.of());
  }

  @Test
  void theDefaultsAreValidAndNameEveryRole() {
    assertThat(ProvisionPlan.DEFAULTS.roles())
        .containsExactly("appowner", "appmigrator", "appuser", "backupuser", "temporal");
    assertThat(ProvisionPlan.DEFAULTS.withPasswords(Map.of("appuser", "pw")).toString())
        .contains("passwords for [appuser]").doesNotContain("pw]");
  }

  @Test
  void reservedWordsQuotesAndTheServersOwnDatabasesAreRefused() {
    assertThatThrownBy(() -> plan("appdb", "user", List.of()))
        .hasMessage("application role must be 1-63 of a-z 0-9 _ (not starting with a digit or"
            + " pg_, not a reserved word), was 'user'");
    assertThatThrownBy(() -> plan("appdb", "public", List.of()))
        .hasMessageContaining("was 'public'");
    assertThatThrownBy(() -> plan("appdb", "app\"user", List.of()))
        .hasMessageContaining("was 'app\"user'");
    assertThatThrownBy(() -> plan("appdb", "pg_monitor", List.of()))
        .hasMessageContaining("application role");
    assertThatThrownBy(() -> plan("postgres", "appuser", List.of()))
        .hasMessage("database postgres is the server's own; choose another name");
    assertThatThrownBy(() -> plan("appdb", "appuser", List.of("template1")))
        .hasMessage("database template1 is the server's own; choose another name");
    assertThatThrownBy(() -> plan("appdb", "appowner", List.of()))
        .hasMessageContaining("roles");
  }
}
