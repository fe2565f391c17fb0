package dev.appdb.application.health;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The answer of a health probe, richer than the seed's {@code health_check() -> bool}.
 *
 * @param up whether a connection was checked out and a round trip succeeded
 * @param roundTrip time to check out a connection and run the probe query; null when down
 * @param database product name and version reported by the server, e.g. {@code PostgreSQL 16.15};
 *     null when down
 * @param error why the probe failed or the database is not ready, without secrets; null when
 *     up (and, for a readiness report, ready)
 * @param schema where each migration set stands, appdb's first; empty when not asked
 *     ({@link DatabaseProbe#health()}) or not known (the database is down); copied
 */
public record HealthReport(boolean up, Duration roundTrip, String database, String error,
    List<SchemaStatus> schema) {

  /** @throws NullPointerException when {@code schema} is null */
  public HealthReport {
    schema = List.copyOf(Objects.requireNonNull(schema, "schema"));
  }

  /**
   * A report without the schema's state.
   *
   * @param up see {@link HealthReport}
   * @param roundTrip see {@link HealthReport}
   * @param database see {@link HealthReport}
   * @param error see {@link HealthReport}
   */
  public HealthReport(boolean up, Duration roundTrip, String database, String error) {
    this(up, roundTrip, database, error, List.of());
  }

  /**
   * @return whether the service can take traffic: the database is up, its schema state is known
   *     and no set has a pending migration (a database behind the code is not ready)
   */
  public boolean ready() {
    return up && !schema.isEmpty() && schema.stream().allMatch(set -> set.pending() == 0);
  }

  /**
   * Where one migration set stands.
   *
   * @param set the set's name, e.g. {@code appdb}
   * @param version the version applied last, null before the first
   * @param pending scripts the code ships that are not applied yet
   */
  public record SchemaStatus(String set, String version, int pending) {

    /** @throws NullPointerException when {@code set} is null */
    public SchemaStatus {
      Objects.requireNonNull(set, "set");
    }
  }
}
