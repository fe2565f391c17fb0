package dev.appdb.adapter.jooq.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.adapter.jooq.internal.postgres.PostgresDialect;
import dev.appdb.adapter.jooq.internal.repository.UsersTableForTests;
import org.jooq.Configuration;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;

/** The kit's statements are rendered once, with placeholders only, and run on plain JDBC. */
class KitStatementsTest {

  private static final Configuration POSTGRES = new DefaultConfiguration()
      .set(SQLDialect.POSTGRES).set(new PostgresDialect().adapt(new Settings()));
  private static final Configuration SQLITE = new DefaultConfiguration().set(SQLDialect.SQLITE)
      .set(new Settings().withRenderSchema(false));

  @Test
  void usersRunOnPlainJdbcOnBothDatabases() {
    for (Configuration configuration : new Configuration[] {POSTGRES, SQLITE}) {
      KitStatements<?> statements = new KitStatements<>(configuration, UsersTableForTests.USERS);
      assertThat(statements.jdbc()).as(configuration.dialect().name()).isTrue();
      assertThat(statements.insert).startsWith("insert into ").doesNotContain("null");
      assertThat(statements.insert.chars().filter(c -> c == '?').count()).isEqualTo(8);
      // version, then the five other columns but id and created_at, then id and the old version
      assertThat(statements.update.chars().filter(c -> c == '?').count()).isEqualTo(8);
      assertThat(statements.updated).hasSize(6).startsWith(statements.versionColumn);
      assertThat(statements.delete).startsWith("delete from ").contains("= ")
          .doesNotContain("null");
    }
  }

  @Test
  void aStaticStatementSettingDoesNotBakeNullsIntoTheText() {
    Configuration inlined = new DefaultConfiguration().set(SQLDialect.POSTGRES)
        .set(new Settings().withStatementType(StatementType.STATIC_STATEMENT));
    KitStatements<?> statements = new KitStatements<>(inlined, UsersTableForTests.USERS);
    assertThat(statements.insert).doesNotContain("null");
    assertThat(statements.update).doesNotContain("null");
  }
}
