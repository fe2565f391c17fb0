package dev.appdb.spring.boot;

import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.Profile;
import dev.appdb.adapter.jooq.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * appdb's settings that apply to a pool it adopts, read from Spring's {@link Environment} as
 * {@code appdb.<key>} of {@link Setting} (relaxed binding: {@code APPDB_DATABASE_MIGRATEONSTART}
 * too), else from appdb's own environment variable ({@code APPDB_MIGRATE_ON_START}), and parsed
 * by {@link Setting}'s parsers, so a bad value fails start-up naming the key and its limits. Any
 * other {@code appdb.*} key of the registry configures the pool appdb would open itself and is
 * refused: Spring's {@code spring.datasource.*} configures the adopted one.
 *
 * @param migrateOnStart {@link Setting#MIGRATE_ON_START}, default {@code true} (the dev default)
 * @param statementTimeout {@link Setting#STATEMENT_TIMEOUT_SECONDS}: the JDBC query timeout of
 *     every statement of a unit
 * @param healthTimeout {@link Setting#HEALTH_TIMEOUT_MILLIS}: the longest the health indicator
 *     waits (the adopted pool's probe answers within its own bound,
 *     {@link PoolSettings#DEFAULT_HEALTH_TIMEOUT}, whichever comes first)
 */
public record AppdbSettings(boolean migrateOnStart, Duration statementTimeout,
    Duration healthTimeout) {

  /** The prefix of appdb's keys in Spring's environment. */
  public static final String PREFIX = "appdb.";

  /** The settings read under Spring Boot, in the order of the configuration metadata. */
  public static final List<Setting> SUPPORTED = List.of(Setting.MIGRATE_ON_START,
      Setting.STATEMENT_TIMEOUT_SECONDS, Setting.HEALTH_TIMEOUT_MILLIS);

  /**
   * @param setting one of {@link #SUPPORTED}
   * @return what it does under Spring Boot, for the configuration metadata: the registry's
   *     description, less what applies only to a pool appdb opens itself
   */
  public static String describe(Setting setting) {
    return switch (setting) {
      case STATEMENT_TIMEOUT_SECONDS -> "per-statement timeout of appdb's units, then"
          + " QueryTimeoutException: the JDBC query timeout (appdb sets no server"
          + " statement_timeout on the connections of Spring's DataSource)";
      case HEALTH_TIMEOUT_MILLIS -> "the longest the appdb health indicator waits for the"
          + " database; the adopted pool's probe gives up after "
          + PoolSettings.DEFAULT_HEALTH_TIMEOUT.toMillis() + " ms in any case";
      default -> setting.description();
    };
  }

  /**
   * @param environment Spring's environment
   * @return the settings in effect
   * @throws IllegalArgumentException naming the {@code appdb.*} key when a value is invalid or a
   *     key does not apply to an adopted pool
   */
  public static AppdbSettings from(Environment environment) {
    Binder binder = Binder.get(environment);
    for (Setting setting : Setting.values()) {
      if (!setting.named() && !SUPPORTED.contains(setting)
          && raw(binder, environment, setting, false).isPresent()) {
        throw new IllegalArgumentException(PREFIX + setting.key() + " does not apply under"
            + " Spring Boot: appdb adopts the application's DataSource; configure it with"
            + " spring.datasource.* (e.g. " + springKey(setting) + ")");
      }
    }
    boolean migrate = raw(binder, environment, Setting.MIGRATE_ON_START, true)
        .map(value -> Setting.MIGRATE_ON_START.parseBoolean(label(Setting.MIGRATE_ON_START), value))
        .orElse(Setting.MIGRATE_ON_START.defaultBoolean(Profile.DEV));
    return new AppdbSettings(migrate, duration(binder, environment,
        Setting.STATEMENT_TIMEOUT_SECONDS, PoolSettings.DEFAULT_STATEMENT_TIMEOUT),
        duration(binder, environment, Setting.HEALTH_TIMEOUT_MILLIS,
            PoolSettings.DEFAULT_HEALTH_TIMEOUT));
  }

  private static Duration duration(Binder binder, Environment environment, Setting setting,
      Duration fallback) {
    return raw(binder, environment, setting, true)
        .map(value -> setting.parseDuration(label(setting), value)).orElse(fallback);
  }

  /** @return {@code appdb.<key>}, or appdb's variable when that is where the value came from */
  private static String label(Setting setting) {
    return PREFIX + setting.key() + setting.environmentVariable().map(v -> " (" + v + ")")
        .orElse("");
  }

  private static Optional<String> raw(Binder binder, Environment environment, Setting setting,
      boolean withVariable) {
    Optional<String> value = binder.bind(PREFIX + setting.key(), String.class)
        .map(Optional::of).orElseGet(Optional::empty);
    if (value.isEmpty() && withVariable && setting.environmentVariable().isPresent()) {
      value = Optional.ofNullable(environment.getProperty(setting.environmentVariable().get()));
    }
    return value;
  }

  private static String springKey(Setting setting) {
    return switch (setting) {
      case DATABASE_URL -> "spring.datasource.url";
      case DATABASE_USER -> "spring.datasource.username";
      case DATABASE_PASSWORD_FILE -> "spring.datasource.password";
      case POOL_NAME -> "spring.datasource.hikari.pool-name";
      case POOL_SIZE, POOL_MAX_OVERFLOW -> "spring.datasource.hikari.maximum-pool-size";
      case POOL_TIMEOUT_SECONDS -> "spring.datasource.hikari.connection-timeout";
      case POOL_RECYCLE_SECONDS -> "spring.datasource.hikari.max-lifetime";
      case POOL_IDLE_TIMEOUT_SECONDS -> "spring.datasource.hikari.idle-timeout";
      case POOL_LEAK_DETECTION_SECONDS -> "spring.datasource.hikari.leak-detection-threshold";
      default -> "the URL's parameters, spring.datasource.url";
    };
  }
}
