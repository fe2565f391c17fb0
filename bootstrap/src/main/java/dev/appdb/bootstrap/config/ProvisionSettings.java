package dev.appdb.bootstrap.config;

import dev.appdb.adapter.jooq.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.PostgresTarget;
import dev.appdb.bootstrap.provision.ProvisionPlan;
import java.util.Objects;

/**
 * What {@code appdb provision} needs, built by {@link SettingsLoader#loadProvisioning}.
 *
 * @param admin the administrator's connection, password from its file
 * @param plan role and database names and the logins' passwords
 * @param network connect and login timeouts
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
