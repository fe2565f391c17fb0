package dev.appdb.migrations;

/**
 * What a migration run did.
 *
 * @param applied how many migrations this run applied; 0 when the schema was current
 * @param schemaVersion the schema version after the run, e.g. {@code "1"}; null for an empty
 *     history
 */
public record MigrationReport(int applied, String schemaVersion) {}
