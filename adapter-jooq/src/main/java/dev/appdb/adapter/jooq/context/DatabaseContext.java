package dev.appdb.adapter.jooq.context;

import dev.appdb.adapter.jooq.dialect.DatabaseDialect;
import dev.appdb.adapter.jooq.error.SqlErrorTranslator;
import dev.appdb.adapter.jooq.lookup.KeySelects;
import java.util.Objects;
import org.jooq.Configuration;

/**
 * What every unit of work on one database shares; made once per database, immutable.
 *
 * @param configuration the jOOQ configuration without a connection (dialect, settings)
 * @param dialect the database's specifics
 * @param errors the database's error translator
 * @param keySelects the lookups by key rendered for this database
 */
public record DatabaseContext(Configuration configuration, DatabaseDialect dialect,
    SqlErrorTranslator errors, KeySelects keySelects) {

  /** @throws NullPointerException when a component is null */
  public DatabaseContext {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(errors, "errors");
    Objects.requireNonNull(keySelects, "keySelects");
  }
}
