package dev.appdb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.migrations.MigrationSet;
import dev.appdb.migrations.Migrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Key;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The schema-parity check a service extends in one class: migrates a fresh PostgreSQL database
 * (on the run's {@link PostgresTestServer}) and a fresh SQLite file with appdb's set and the
 * service's, and compares the two schemas read through jOOQ's meta API: tables, columns by
 * logical type, nullability, primary, unique and foreign keys. A migration written for one
 * vendor and forgotten for the other fails here, naming the differing facts.
 *
 * <p>Logical types: SQLite stores UUIDs and timestamps as TEXT, so PostgreSQL's {@code uuid},
 * {@code varchar} and {@code timestamptz} all compare as {@code text}, and every number type as
 * {@code integer}. Every set's history table is left out.
 *
 * <pre>{@code
 * class OrdersSchemaParityTest extends SchemaParityCheck {
 *   protected List<MigrationSet> serviceSets() { return List.of(ORDERS); }
 * }
 * }</pre>
 */
public abstract class SchemaParityCheck {

  @TempDir
  Path folder;

  /** @return the service's migration sets, applied after appdb's in this order */
  protected abstract List<MigrationSet> serviceSets();

  /**
   * Further checks on the described schema (the same on both databases once the check passed),
   * e.g. that a foreign key is there; by default none.
   *
   * @param facts one line per fact, e.g. {@code "foreign key orders(user_id) -> users(id)"}
   */
  protected void alsoCheck(Set<String> facts) {}

  @Test
  void bothMigratedSchemasHaveTheSameTablesColumnsAndKeys() throws Exception {
    List<MigrationSet> sets = new ArrayList<>();
    sets.add(MigrationSet.APPDB);
    sets.addAll(serviceSets());
    Set<String> history = new HashSet<>();
    sets.forEach(set -> history.add(set.historyTable()));

    PostgresServer server = PostgresTestServer.get();
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(server.jdbcUrl(PostgresTestServer.createDatabase("schema_parity")));
    postgres.setUser(server.adminUser());
    postgres.setPassword(server.adminPassword());
    new Migrator(postgres, DatabaseVendor.POSTGRESQL, sets).migrate();
    Set<String> postgresFacts;
    try (Connection connection = postgres.getConnection()) {
      postgresFacts = describe(DSL.using(connection, SQLDialect.POSTGRES).meta()
          .filterSchemas(schema -> schema.getName().equals(Migrator.POSTGRESQL_SCHEMA)), history);
    }

    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl("jdbc:sqlite:" + folder.resolve("parity.db"));
    sqlite.setEnforceForeignKeys(true);
    new Migrator(sqlite, DatabaseVendor.SQLITE, sets).migrate();
    Set<String> sqliteFacts;
    try (Connection connection = sqlite.getConnection()) {
      sqliteFacts = describe(DSL.using(connection, SQLDialect.SQLITE).meta(), history);
    }

    Set<String> onlyPostgres = new TreeSet<>(postgresFacts);
    onlyPostgres.removeAll(sqliteFacts);
    Set<String> onlySqlite = new TreeSet<>(sqliteFacts);
    onlySqlite.removeAll(postgresFacts);
    assertThat(onlyPostgres).as("facts of PostgreSQL's schema that SQLite's lacks"
        + " (and SQLite's alone: %s)", onlySqlite).isEmpty();
    assertThat(onlySqlite).as("facts of SQLite's schema that PostgreSQL's lacks").isEmpty();
    alsoCheck(postgresFacts);
  }

  private static Set<String> describe(Meta meta, Set<String> history) {
    Set<String> facts = new TreeSet<>();
    for (Table<?> table : meta.getTables()) {
      String name = table.getName().toLowerCase(Locale.ROOT);
      if (history.contains(name) || name.startsWith("sqlite_")) {
        continue;
      }
      facts.add("table " + name);
      for (Field<?> field : table.fields()) {
        facts.add("column " + name + "." + field.getName().toLowerCase(Locale.ROOT) + " "
            + logicalType(field) + (field.getDataType().nullable() ? " null" : " not null"));
      }
      if (table.getPrimaryKey() != null) {
        facts.add("primary key " + name + columns(table.getPrimaryKey()));
      }
      for (UniqueKey<?> unique : table.getUniqueKeys()) {
        if (!unique.equals(table.getPrimaryKey())) {
          facts.add("unique " + name + columns(unique));
        }
      }
      for (ForeignKey<?, ?> reference : table.getReferences()) {
        facts.add("foreign key " + name + columns(reference) + " -> "
            + reference.getKey().getTable().getName().toLowerCase(Locale.ROOT)
            + columns(reference.getKey()));
      }
    }
    return facts;
  }

  private static String logicalType(Field<?> field) {
    return Number.class.isAssignableFrom(field.getDataType().getType()) ? "integer" : "text";
  }

  private static String columns(Key<?> key) {
    return key.getFields().stream().map(field -> field.getName().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(",", "(", ")"));
  }
}
