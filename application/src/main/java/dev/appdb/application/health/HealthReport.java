package dev.appdb.application.health;

import java.time.Duration;

/**
 * The answer of a health probe, richer than the seed's {@code health_check() -> bool}.
 *
 * @param up whether a connection was checked out and a round trip succeeded
 * @param roundTrip time to check out a connection and run the probe query; null when down
 * @param database product name and version reported by the server, e.g. {@code PostgreSQL 16.15};
 *     null when down
 * @param error why the probe failed, without secrets; null when up
 */
public record HealthReport(boolean up, Duration roundTrip, String database, String error) {}
