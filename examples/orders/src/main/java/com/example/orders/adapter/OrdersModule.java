package com.example.orders.adapter;

import com.example.orders.domain.OrderRepository;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.migrations.MigrationSet;
import java.util.List;

/**
 * Everything the orders service adds to appdb's database: its migration set (applied after
 * appdb's, with its own history table {@code orders_schema_history}) and its repository.
 */
public final class OrdersModule {

  /** The service's migrations, one folder per database. */
  public static final MigrationSet MIGRATIONS = MigrationSet.of("orders",
      "classpath:orders/db/postgresql", "classpath:orders/db/sqlite");

  private OrdersModule() {}

  /**
   * Migrates the database (appdb's set, then the service's) and registers the service's
   * repository, so that {@code tx.repository(OrderRepository.class)} works in every unit of work.
   *
   * @param database the open database
   * @return {@code database}
   * @throws dev.appdb.domain.error.DatabaseUnavailableException when it cannot be migrated
   */
  public static JooqDatabase install(JooqDatabase database) {
    database.migrate(List.of(MIGRATIONS));
    database.register(OrderRepository.class, JooqOrderRepository::new);
    return database;
  }
}
