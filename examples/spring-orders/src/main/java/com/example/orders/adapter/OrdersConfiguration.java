package com.example.orders.adapter;

import com.example.orders.domain.OrderRepository;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.migrations.MigrationSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The only appdb glue: the orders' migrations (applied after appdb's) and their repository. */
@Configuration(proxyBeanMethods = false)
public class OrdersConfiguration {

  @Bean
  static MigrationSet ordersMigrations() {
    return MigrationSet.of("orders", "classpath:orders/db/postgresql", "classpath:orders/db/sqlite");
  }

  OrdersConfiguration(JooqDatabase database) {
    database.register(OrderRepository.class, JooqOrderRepository::new);
  }
}
