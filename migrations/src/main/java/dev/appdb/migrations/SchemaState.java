package dev.appdb.migrations;

import java.util.Objects;

/**
 * Where one migration set of a database stands against the scripts this code ships.
 *
 * @param set the set's name, e.g. {@code appdb}
 * @param version the version applied last, e.g. {@code "1"}; null before the set's first
 *     migration
 * @param pending scripts of the set not applied yet, at least 0: more than 0 means the database
 *     is behind the code
 */
public record SchemaState(String set, String version, int pending) {

  /** @throws IllegalArgumentException when {@code pending} is negative */
  public SchemaState {
    Objects.requireNonNull(set, "set");
    if (pending < 0) {
      throw new IllegalArgumentException("pending must be at least 0, was " + pending);
    }
  }
}
