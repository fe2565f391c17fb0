package dev.appdb.adapter.jooq.internal.lookup;

import static dev.appdb.adapter.jooq.schema.Tables.USERS;
import static dev.appdb.adapter.jooq.schema.Tables.USER_IDENTITIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.internal.postgres.PostgresDialect;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderTable;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The pre-rendered lookups say exactly what the typed queries they replace say. Running them is
 * covered by the repository contract suites on SQLite and PostgreSQL.
 */
class RenderedSelectTest {

  private static final Configuration POSTGRES = new DefaultConfiguration()
      .set(SQLDialect.POSTGRES).set(new PostgresDialect().adapt(new Settings()));
  private static final Configuration SQLITE = new DefaultConfiguration().set(SQLDialect.SQLITE);

  @Test
  void rendersTheTypedQueriesTextOnEachDialect() {
    for (Configuration configuration : new Configuration[] {POSTGRES, SQLITE}) {
      // the typed queries, their columns not qualified by the one table they read
      DSLContext dsl = DSL.using(configuration.derive(((Settings) configuration.settings().clone())
          .withRenderTable(RenderTable.WHEN_MULTIPLE_TABLES)));
      KeySelects selects = KeySelects.render(configuration);
      assertThat(RenderedSelect.byKey(configuration, USERS.ID).sql()).isEqualTo(
          dsl.selectFrom(USERS).where(USERS.ID.eq(UUID.randomUUID())).getSQL(ParamType.INDEXED));
      assertThat(selects.userByEmail().sql()).isEqualTo(dsl.selectFrom(USERS)
          .where(USERS.EMAIL_NORMALIZED.eq("a@example.org")).getSQL(ParamType.INDEXED));
      assertThat(selects.identityByKey().sql()).isEqualTo(dsl.selectFrom(USER_IDENTITIES)
          .where(USER_IDENTITIES.ISSUER.eq("https://issuer.example"))
          .and(USER_IDENTITIES.SUBJECT.eq("subject")).getSQL(ParamType.INDEXED));
    }
  }

  @Test
  void inlinedParameterSettingsDoNotBakeAValueIntoTheText() {
    Configuration inlined = new DefaultConfiguration().set(SQLDialect.POSTGRES)
        .set(new Settings().withStatementType(StatementType.STATIC_STATEMENT));
    assertThat(KeySelects.render(inlined).userByEmail().sql())
        .endsWith("where \"email_normalized\" = ?");
  }

  @Test
  void qualifiesNoColumnOfTheOneTableItReads() {
    assertThat(RenderedSelect.byKey(POSTGRES, USERS.ID).sql()).isEqualTo("select \"id\","
        + " \"first_name\", \"last_name\", \"email\", \"email_normalized\", \"created_at\","
        + " \"updated_at\", \"version\" from \"app\".\"users\" where \"id\" = cast(? as uuid)");
  }

  @Test
  void refusesAWrongNumberOfValuesAndNullValuesBeforeTouchingTheDatabase() {
    RenderedSelect<?> byKey = KeySelects.render(SQLITE).identityByKey();
    DSLContext detached = DSL.using(SQLDialect.SQLITE);
    assertThatThrownBy(() -> byKey.fetchOptional(detached, "https://issuer.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values: expected 2 (one per key [\"app\".\"user_identities\".\"issuer\","
            + " \"app\".\"user_identities\".\"subject\"]), got 1");
    assertThatThrownBy(() -> byKey.fetchOptional(detached, "https://issuer.example", null))
        .isInstanceOf(NullPointerException.class).hasMessage("values[1]");
    assertThatThrownBy(() -> RenderedSelect.byKey(SQLITE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keys: at least one key column is required");
  }
}
