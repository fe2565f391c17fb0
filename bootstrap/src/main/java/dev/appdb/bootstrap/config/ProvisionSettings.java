package dev.appdb.bootstrap.config;

import dev.appdb.adapter.jooq.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.PostgresTarget;
import dev.appdb.bootstrap.provision.ProvisionPlan;
import java.util.Objects;

/**
 * What {@code appdb provision} needs, built by {@link SettingsLoader#loadProvisioning}.
 *
 * @param admin the administrator's connection, password from its file; never null
 * @param plan role and database names and the logins' passwords; never null
 * @param network connect and login timeouts; never null
 */
public record ProvisionSettings(PostgresTarget admin, ProvisionPlan plan,
    PostgresConnectionSettings network) {

  /** @throws NullPointerException when a component is null */
  public ProvisionSettings {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(network, "network");
  }

  @Override
  public String toString() {
    return "ProvisionSettings[admin=" + admin.display() + ", plan=" + plan + "]";
  }
}
