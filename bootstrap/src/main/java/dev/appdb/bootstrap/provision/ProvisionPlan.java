package dev.appdb.bootstrap.provision;

import dev.appdb.adapter.jooq.Profile;
import dev.appdb.adapter.jooq.Setting;
import dev.appdb.migrations.Migrator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What {@link PostgresProvisioning} makes of a server: the roles, the application's database and
 * the Temporal databases, by name, and the passwords of the login roles. Every default is a
 * constant here; the constructor is the one validation pass. {@link #toString()} never shows a
 * password.
 *
 * @param database the application's database, owned by {@code ownerRole}
 * @param ownerRole NOLOGIN; owns the database, schema {@value Migrator#POSTGRESQL_SCHEMA} and
 *     every migrated object
 * @param migrationRole LOGIN, member of {@code ownerRole}: migrations run as it with
 *     {@code SET ROLE ownerRole}
 * @param applicationRole LOGIN: {@code USAGE} on the schema; {@code SELECT, INSERT, UPDATE,
 *     DELETE} on its tables, {@code USAGE, SELECT} on its sequences, now and (default privileges)
 *     for every table migrated later
 * @param backupRole LOGIN: {@code SELECT} on the schema's tables and sequences, now and later;
 *     enough for {@code pg_dump --schema=app}
 * @param temporalRole LOGIN: owns the Temporal databases; no access to the application's
 * @param temporalDatabases Temporal's databases, e.g. {@code temporal},
 *     {@code temporal_visibility}; may be empty
 * @param passwords cleartext passwords by login role name (a role without one keeps its
 *     password, or has none); copied
 */
public record ProvisionPlan(
    String database,
    String ownerRole,
    String migrationRole,
    String applicationRole,
    String backupRole,
    String temporalRole,
    List<String> temporalDatabases,
    Map<String, String> passwords) {

  /** Unquoted PostgreSQL identifiers only: lower case, so no name ever needs quoting. */
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /**
   * PostgreSQL 16's reserved key words (manual, Appendix C) and the role names it reserves: not
   * usable unquoted, so refused rather than failing at the server with a syntax error.
   */
  private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any",
      "array", "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column",
      "constraint", "create", "current_catalog", "current_date", "current_role", "current_time",
      "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
      "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group",
      "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit",
      "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
      "placing", "primary", "references", "returning", "select", "session_user", "some",
      "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union", "unique",
      "user", "using", "variadic", "when", "where", "window", "with", "public", "none");

  /** The server's own databases: provisioning would take them over. */
  private static final Set<String> SERVER_DATABASES = Set.of("postgres", "template0",
      "template1");

  /** The application's database. */
  public static final String DEFAULT_DATABASE =
      Setting.PROVISION_DATABASE.defaultValue(Profile.PROD).orElseThrow();
  /** The NOLOGIN owner of the database, schema and objects. */
  public static final String DEFAULT_OWNER_ROLE =
      Setting.PROVISION_OWNER_ROLE.defaultValue(Profile.PROD).orElseThrow();
  /** The login that runs migrations, as the owner. */
  public static final String DEFAULT_MIGRATION_ROLE =
      Setting.PROVISION_MIGRATION_ROLE.defaultValue(Profile.PROD).orElseThrow();
  /** The application's login: reads and writes rows, no DDL. */
  public static final String DEFAULT_APPLICATION_ROLE =
      Setting.PROVISION_APPLICATION_ROLE.defaultValue(Profile.PROD).orElseThrow();
  /** The read-only login for backups and reports. */
  public static final String DEFAULT_BACKUP_ROLE =
      Setting.PROVISION_BACKUP_ROLE.defaultValue(Profile.PROD).orElseThrow();
  /** The login that owns the Temporal databases. */
  public static final String DEFAULT_TEMPORAL_ROLE =
      Setting.PROVISION_TEMPORAL_ROLE.defaultValue(Profile.PROD).orElseThrow();
  /** Temporal's workflow and visibility databases. */
  public static final List<String> DEFAULT_TEMPORAL_DATABASES = List.of(
      Setting.PROVISION_TEMPORAL_DATABASES.defaultValue(Profile.PROD).orElseThrow().split(","));

  /** The defaults above, no passwords. */
  public static final ProvisionPlan DEFAULTS = new ProvisionPlan(DEFAULT_DATABASE,
      DEFAULT_OWNER_ROLE, DEFAULT_MIGRATION_ROLE, DEFAULT_APPLICATION_ROLE, DEFAULT_BACKUP_ROLE,
      DEFAULT_TEMPORAL_ROLE, DEFAULT_TEMPORAL_DATABASES, Map.of());

  /**
   * @throws IllegalArgumentException naming the field and its rule: a name that is not
   *     {@code [a-z_][a-z0-9_]{0,62}} (or is a reserved {@code pg_} name or key word), a
   *     database named {@code postgres}, {@code template0} or {@code template1}, two roles or two
   *     databases with one name, a password for a role that does not log in, an empty password
   */
  public ProvisionPlan {
    name("database", database);
    name("owner role", ownerRole);
    name("migration role", migrationRole);
    name("application role", applicationRole);
    name("backup role", backupRole);
    name("temporal role", temporalRole);
    distinct("roles", List.of(ownerRole, migrationRole, applicationRole, backupRole,
        temporalRole));
    if (temporalDatabases == null) {
      throw new IllegalArgumentException("temporal databases must be a list, was missing");
    }
    temporalDatabases = List.copyOf(temporalDatabases);
    temporalDatabases.forEach(name -> name("temporal database", name));
    List<String> databases = new ArrayList<>(temporalDatabases);
    databases.add(database);
    for (String name : databases) {
      if (SERVER_DATABASES.contains(name)) {
        throw new IllegalArgumentException("database " + name + " is the server's own; choose"
            + " another name");
      }
    }
    distinct("databases", databases);
    if (passwords == null) {
      throw new IllegalArgumentException("passwords must be a map, was missing");
    }
    List<String> logins = List.of(migrationRole, applicationRole, backupRole, temporalRole);
    passwords.forEach((role, password) -> {
      if (!logins.contains(role)) {
        throw new IllegalArgumentException("password given for " + role
            + ", which is not a login role of the plan (" + String.join(", ", logins) + ")");
      }
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("password of " + role + " must not be empty");
      }
    });
    passwords = Map.copyOf(new LinkedHashMap<>(passwords));
  }

  /**
   * @param newPasswords cleartext passwords by login role name
   * @return a copy with them
   * @throws IllegalArgumentException as the constructor
   */
  public ProvisionPlan withPasswords(Map<String, String> newPasswords) {
    return new ProvisionPlan(database, ownerRole, migrationRole, applicationRole, backupRole,
        temporalRole, temporalDatabases, newPasswords);
  }

  /** @return every role of the plan, the owner first, then {@link #loginRoles()} */
  public List<String> roles() {
    return List.of(ownerRole, migrationRole, applicationRole, backupRole, temporalRole);
  }

  /** @return the login roles, in the order they are provisioned */
  public List<String> loginRoles() {
    return List.of(migrationRole, applicationRole, backupRole, temporalRole);
  }

  /** @return the names and which roles have a password, never a password */
  @Override
  public String toString() {
    return "ProvisionPlan[database=" + database + ", owner=" + ownerRole + ", migration="
        + migrationRole + ", application=" + applicationRole + ", backup=" + backupRole
        + ", temporal=" + temporalRole + " " + temporalDatabases + ", passwords for "
        + new TreeSet<>(passwords.keySet()) + "]";
  }

  private static void name(String field, String value) {
    if (value == null || !NAME.matcher(value).matches() || value.startsWith("pg_")
        || RESERVED.contains(value)) {
      throw new IllegalArgumentException(field + " must be 1-63 of a-z 0-9 _ (not starting with"
          + " a digit or pg_, not a reserved word), was "
          + (value == null ? "missing" : "'" + value + "'"));
    }
  }

  private static void distinct(String field, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException(field + " must have distinct names; '" + name
            + "' is used twice");
      }
    }
  }
}
