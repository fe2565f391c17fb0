package dev.appdb.bootstrap.config;

import dev.appdb.adapter.jooq.DatabaseSettings;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A database beside the application's, watched for health only (e.g. Temporal's
 * {@code temporal} and {@code temporal_visibility} on the same server), declared under
 * {@code databases.<name>} in the YAML file.
 *
 * @param name its name in health reports and {@code Appdb.database(name)}: {@code [a-z][a-z0-9_-]*},
 *     up to 63 characters, not {@value #APPLICATION}
 * @param settings where it is and its own (small) pool
 * @param required whether {@code appdb health} fails (exit 3) when it is down
 */
public record NamedDatabaseSettings(String name, DatabaseSettings settings, boolean required) {

  /** The name of the application's own database. */
  public static final String APPLICATION = "app";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

  /** @throws IllegalArgumentException when the name breaks the rule above */
  public NamedDatabaseSettings {
    if (name == null || !NAME.matcher(name).matches() || name.equals(APPLICATION)) {
      throw new IllegalArgumentException("databases.<name> must be 1-63 of a-z 0-9 _ -,"
          + " starting with a letter, and not '" + APPLICATION + "' (the application's own),"
          + " was " + (name == null ? "missing" : "'" + name + "'"));
    }
    Objects.requireNonNull(settings, "settings");
  }

  /** @return name, target without secrets, pool, required */
  @Override
  public String toString() {
    return "NamedDatabaseSettings[" + name + ", " + settings + ", required=" + required + "]";
  }
}
