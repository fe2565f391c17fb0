package dev.appdb.adapter.jooq.internal.transaction;

import dev.appdb.adapter.jooq.kit.RepositoryFactory;
import dev.appdb.adapter.jooq.spi.DatabaseDialect;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jooq.Configuration;

/**
 * What every unit of work on one database shares; immutable ({@link #withRepository} returns a
 * copy), so a unit works with the registrations made before it began.
 *
 * @param configuration the jOOQ configuration without a connection (dialect, settings)
 * @param dialect the database's specifics
 * @param errors the database's error translator
 * @param repositories the factories of the services' repositories, by port; unmodifiable
 * @param rendered statements rendered once for this database, by their owner's key; shared by
 *     every copy, thread-safe
 * @param queryTimeoutSeconds the JDBC query timeout of {@code configuration}'s settings in
 *     seconds, 0 for none; read once, as every plain-JDBC statement applies it
 */
record DatabaseContext(Configuration configuration, DatabaseDialect dialect,
    SqlErrorTranslator errors,
    Map<Class<?>, RepositoryFactory<?>> repositories, ConcurrentMap<Object, Object> rendered,
    int queryTimeoutSeconds) {

  /** A database's context with no repository registered yet. */
  DatabaseContext(Configuration configuration, DatabaseDialect dialect,
      SqlErrorTranslator errors) {
    this(configuration, dialect, errors, Map.of(), new ConcurrentHashMap<>(),
        queryTimeout(configuration));
  }

  private static int queryTimeout(Configuration configuration) {
    Integer seconds = configuration.settings().getQueryTimeout();
    return seconds == null ? 0 : seconds;
  }

  DatabaseContext {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(errors, "errors");
    repositories = Map.copyOf(repositories);
    Objects.requireNonNull(rendered, "rendered");
  }

  /** @return a copy that also makes {@code port}'s repositories with {@code factory} */
  DatabaseContext withRepository(Class<?> port, RepositoryFactory<?> factory) {
    Map<Class<?>, RepositoryFactory<?>> more = new HashMap<>(repositories);
    more.put(port, factory);
    return new DatabaseContext(configuration, dialect, errors, more, rendered,
        queryTimeoutSeconds);
  }
}
