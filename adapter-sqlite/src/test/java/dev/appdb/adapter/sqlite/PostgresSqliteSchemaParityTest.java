package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.migrations.MigrationSet;
import dev.appdb.testing.SchemaParityCheck;
import java.util.List;
import java.util.Set;

/**
 * appdb's own schema parity, on the base a service extends: a change to one vendor's migrations
 * that forgets the other fails here.
 */
class PostgresSqliteSchemaParityTest extends SchemaParityCheck {

  @Override
  protected List<MigrationSet> serviceSets() {
    return List.of();
  }

  @Override
  protected void alsoCheck(Set<String> facts) {
    assertThat(facts).contains(
        "table user_identities",
        "column users.email text null",
        "column users.id text not null",
        "primary key user_identities(issuer,subject)",
        "unique users(email_normalized)",
        "foreign key user_identities(user_id) -> users(id)");
  }
}
