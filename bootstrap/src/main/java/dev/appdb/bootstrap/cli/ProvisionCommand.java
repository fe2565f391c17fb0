package dev.appdb.bootstrap.cli;

import dev.appdb.adapter.jooq.Setting;
import dev.appdb.bootstrap.config.ConfigurationException;
import dev.appdb.bootstrap.config.ProvisionSettings;
import dev.appdb.bootstrap.config.SettingsLoader;
import dev.appdb.bootstrap.provision.PostgresProvisioning;
import dev.appdb.bootstrap.provision.ProvisionReport;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code appdb provision}: with an administrator's connection, make the roles, databases, schema
 * and grants appdb runs with (see {@link PostgresProvisioning}); idempotent, printing every step
 * and whether it changed anything. Settings {@code provision.*}; the administrator's password
 * only from a file.
 */
@Command(name = "provision",
    description = "Create appdb's roles, databases, schema and grants on a PostgreSQL server"
        + " (run once, as an administrator; a second run changes nothing).")
public final class ProvisionCommand extends AppdbSubcommand {

  @Option(names = "--admin-url", paramLabel = "URL",
      description = "The administrator's PostgreSQL URL without a password"
          + " (default: provision.admin-url / $APPDB_PROVISION_ADMIN_URL).")
  String adminUrl;

  @Option(names = "--admin-password-file", paramLabel = "FILE",
      description = "File holding the administrator's password"
          + " (default: provision.admin-password-file).")
  Path adminPasswordFile;

  @Override
  public Integer call() {
    Map<Setting, String> overrides = new EnumMap<>(Setting.class);
    if (adminUrl != null) {
      overrides.put(Setting.PROVISION_ADMIN_URL, adminUrl);
    }
    if (adminPasswordFile != null) {
      overrides.put(Setting.PROVISION_ADMIN_PASSWORD_FILE, adminPasswordFile.toString());
    }
    ProvisionSettings settings = root().provisionSettings(overrides);
    ProvisionReport report;
    try {
      report = PostgresProvisioning.provision(settings.admin(), settings.plan(),
          settings.network());
    } catch (IllegalArgumentException refused) { // the plan names a role it may not take
      throw new ConfigurationException("provision.*-role: " + refused.getMessage(), refused);
    }
    output().provisioned(report);
    return ExitCodes.OK;
  }
}
