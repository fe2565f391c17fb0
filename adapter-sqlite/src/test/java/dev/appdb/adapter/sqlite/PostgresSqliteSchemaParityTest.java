package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import dev.appdb.migrations.Migrator;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Key;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Migrates a PostgreSQL and a SQLite database and compares the two schemas read through jOOQ's
 * meta API: tables, columns by logical type, nullability, primary, unique and foreign keys. A
 * change to one vendor's migrations that forgets the other fails here.
 *
 * <p>Logical types: SQLite stores UUIDs and timestamps as TEXT (canonical, fixed-width text), so
 * PostgreSQL's {@code uuid}, {@code varchar} and {@code timestamptz} all compare as {@code text},
 * and integer types as {@code integer}.
 */
class PostgresSqliteSchemaParityTest {

  @Test
  void bothMigratedSchemasHaveTheSameTablesColumnsAndKeys() throws Exception {
    Set<String> postgres;
    try (PostgresTestDatabase database = PostgresTestDatabase.open("schema_parity", 1);
        Connection connection = database.database().dataSource().getConnection()) {
      DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
      postgres = describe(dsl.meta().filterSchemas(s -> s.getName().equals(Migrator.POSTGRESQL_SCHEMA)));
    }
    Set<String> sqlite;
    try (SqliteTestDatabase database = SqliteTestDatabase.open(1);
        Connection connection = database.database().dataSource().getConnection()) {
      sqlite = describe(DSL.using(connection, SQLDialect.SQLITE).meta());
    }

    assertThat(sqlite).isEqualTo(postgres);
    assertThat(postgres).contains(
        "table user_identities",
        "column users.email text null",
        "column users.id text not null",
        "primary key user_identities(issuer,subject)",
        "unique users(email_normalized)",
        "foreign key user_identities(user_id) -> users(id)");
  }

  private static Set<String> describe(Meta meta) {
    Set<String> facts = new TreeSet<>();
    for (Table<?> table : meta.getTables()) {
      String name = table.getName().toLowerCase(Locale.ROOT);
      if (name.equals("flyway_schema_history") || name.startsWith("sqlite_")) {
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
    Class<?> type = field.getDataType().getType();
    if (Number.class.isAssignableFrom(type)) {
      return "integer";
    }
    return "text";
  }

  private static String columns(Key<?> key) {
    List<String> names = key.getFields().stream()
        .map(field -> field.getName().toLowerCase(Locale.ROOT)).toList();
    return names.stream().collect(Collectors.joining(",", "(", ")"));
  }
}
