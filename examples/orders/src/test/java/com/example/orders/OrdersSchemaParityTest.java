package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.adapter.OrdersModule;
import dev.appdb.migrations.MigrationSet;
import dev.appdb.testing.SchemaParityCheck;
import java.util.List;
import java.util.Set;

/** The orders migrations describe the same schema on PostgreSQL and SQLite. */
class OrdersSchemaParityTest extends SchemaParityCheck {

  @Override
  protected List<MigrationSet> serviceSets() {
    return List.of(OrdersModule.MIGRATIONS);
  }

  @Override
  protected void alsoCheck(Set<String> facts) {
    assertThat(facts).contains("table orders", "foreign key orders(user_id) -> users(id)");
  }
}
