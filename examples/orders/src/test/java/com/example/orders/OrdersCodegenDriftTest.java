package com.example.orders;

import com.example.orders.adapter.OrdersModule;
import dev.appdb.testing.codegen.JooqCodegen;
import dev.appdb.testing.codegen.JooqCodegenDriftCheck;
import java.util.List;

/** The committed classes in src/main/generated are what the migrations generate. */
class OrdersCodegenDriftTest extends JooqCodegenDriftCheck {

  @Override
  protected JooqCodegen codegen() {
    return JooqCodegen.forPackage("com.example.orders.schema")
        .withMigrations(List.of(OrdersModule.MIGRATIONS));
  }
}
