package dev.appdb.migrations;

/**
 * What a migration run did to one migration set.
 *
 * @param set the set's name, e.g. {@code "appdb"} or {@code "orders"}
 * @param applied how many migrations of the set this run applied; 0 when it was current
 * @param schemaVersion the set's version after the run, e.g. {@code "1"}; null for an empty
 *     history, {@code "0"} for a service's set with only its baseline
 */
public record MigrationReport(String set, int applied, String schemaVersion) {}
