package dev.appdb.adapter.jooq;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.appdb.adapter.jooq.UnitOfWorkObserver.Outcome;
import dev.appdb.adapter.jooq.spi.ConnectionPool;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Binds a database's metrics to a Micrometer registry with one call. Micrometer is an optional
 * dependency of appdb: add {@code io.micrometer:micrometer-core} to use this class.
 *
 * <p>Meters, each tagged {@code pool=<pool name>}:
 * <ul>
 *   <li>HikariCP's own {@code hikaricp.connections}, {@code .active}, {@code .idle},
 *       {@code .pending}, {@code .timeout}, {@code .acquire}, {@code .usage}, {@code .creation}
 *       (HikariCP's {@code MicrometerMetricsTrackerFactory}), for the pool appdb built (an
 *       adopted pool's are bound by its owner);</li>
 *   <li>{@code appdb.units} (timer; tags {@code outcome} = {@code committed},
 *       {@code rolled_back}, {@code outcome_unknown} or {@code joined}, and {@code mode} =
 *       {@code read_write} or
 *       {@code read_only}): every unit of work, its count and duration from checkout to return;</li>
 *   <li>{@code appdb.pool.invalid} (counter): connections appdb discarded as broken;</li>
 *   <li>{@code appdb.pool.checkouts} and {@code appdb.pool.checkout.timeouts} (counters);</li>
 *   <li>{@code appdb.pool.checkout.wait.mean} (gauge, milliseconds).</li>
 * </ul>
 */
public final class MicrometerMetrics {

  private MicrometerMetrics() {}

  /**
   * Binds once per database; HikariCP accepts its metrics registry only once.
   *
   * @param database the open database
   * @param registry where the meters go
   * @throws IllegalStateException when the database's pool already has a metrics registry
   */
  public static void bind(JooqDatabase database, MeterRegistry registry) {
    ConnectionPool pool = database.pool();
    String name = pool.status().pool();
    if (pool.owned()) { // an adopted pool's metrics are its owner's to bind
      pool.hikari().setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    Map<Outcome, Timer> readWrite = timers(registry, name, "read_write");
    Map<Outcome, Timer> readOnly = timers(registry, name, "read_only");
    database.observe((isReadOnly, outcome, nanos) ->
        (isReadOnly ? readOnly : readWrite).get(outcome).record(nanos, TimeUnit.NANOSECONDS));

    FunctionCounter.builder("appdb.pool.invalid", pool, p -> p.status().invalid())
        .description("connections appdb discarded as broken").tag("pool", name)
        .register(registry);
    FunctionCounter.builder("appdb.pool.checkouts", pool, p -> p.status().checkouts())
        .description("successful checkouts").tag("pool", name).register(registry);
    FunctionCounter.builder("appdb.pool.checkout.timeouts", pool,
            p -> p.status().checkoutTimeouts())
        .description("checkouts that gave up after the checkout timeout").tag("pool", name)
        .register(registry);
    Gauge.builder("appdb.pool.checkout.wait.mean", pool, p -> p.status().meanWaitMillis())
        .description("mean wait of a successful checkout").baseUnit("milliseconds")
        .tag("pool", name).register(registry);
  }

  private static Map<Outcome, Timer> timers(MeterRegistry registry, String pool, String mode) {
    Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      timers.put(outcome, Timer.builder("appdb.units")
          .description("units of work, by outcome, from checkout to the connection's return")
          .tag("pool", pool).tag("mode", mode)
          .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
          .register(registry));
    }
    return timers;
  }
}
