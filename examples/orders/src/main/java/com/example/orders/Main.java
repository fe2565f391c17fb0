package com.example.orders;

import com.example.orders.adapter.OrdersModule;
import com.example.orders.app.PlaceFirstOrder;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import java.time.Clock;

/**
 * Opens the database {@code DATABASE_URL} names (default: SQLite file {@code orders.db} in the
 * working directory), migrates it, and places one first order. The same code runs on SQLite and
 * on PostgreSQL.
 */
public final class Main {

  private Main() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    String url = System.getenv().getOrDefault("DATABASE_URL", "sqlite:///orders.db");
    try (JooqDatabase database = OrdersModule.install(Databases.open(url))) {
      PlaceFirstOrder.Placed placed = new PlaceFirstOrder(database.transactions(),
          Clock.systemUTC()).place("Ada", "Lovelace", null, "Analytical Engine", 1);
      System.out.println("placed order " + placed.order().id().value() + " for user "
          + placed.user().id() + " on " + database.target());
    }
  }
}
