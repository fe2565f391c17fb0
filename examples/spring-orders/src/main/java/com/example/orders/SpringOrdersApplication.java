package com.example.orders;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The orders service on Spring Boot: appdb's starter adopts Boot's {@code DataSource}, migrates
 * appdb's and the orders' sets at start, and reports health and meters; the service adds only
 * {@link com.example.orders.adapter.OrdersConfiguration}.
 */
@SpringBootApplication
public class SpringOrdersApplication {

  /** @param args Spring Boot's arguments */
  public static void main(String[] args) {
    SpringApplication.run(SpringOrdersApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
