package dev.appdb.adapter.jooq;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who runs migrations when it is not the application's login: a migration login that is a member
 * of the schema's owner, and the owner's role it switches to ({@code SET ROLE}) on every
 * migration connection, so that every migrated object, Flyway's history table included, is
 * owned by that role and not by the login. {@link #toString()} never shows the password.
 *
 * @param user the migration login, e.g. {@code appmigrator}; never blank
 * @param password its password (read from a file), may be null for none
 * @param role the role to {@code SET} after login, e.g. {@code appowner}, exactly as
 *     {@code pg_roles} spells it (quoted, so case-sensitive: {@code appdb provision} makes
 *     lower-case names); null to keep the login's own
 */
public record MigrationLogin(String user, String password, String role) {

  private static final Pattern ROLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

  /** @throws IllegalArgumentException when the user is blank or the role is not a plain name */
  public MigrationLogin {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("database.migration-user must not be blank");
    }
    if (role != null && !ROLE.matcher(role).matches()) {
      throw new IllegalArgumentException("database.migration-role must be a plain role name"
          + " (letters, digits, _ and $, 1-63), was '" + role + "'");
    }
  }

  @Override
  public String toString() {
    return "MigrationLogin[user=" + user + ", password=" + (password == null ? "none" : "****")
        + ", role=" + Objects.toString(role, "(the login's own)") + "]";
  }
}
