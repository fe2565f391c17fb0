package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.orders.app.OrderService;
import com.example.orders.domain.OrderRepository;
import dev.appdb.application.port.Transactions;
import dev.appdb.domain.user.Email;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The running service over real HTTP (a random port), one subclass per database: the same
 * application, only {@code spring.datasource.*} differs. {@code @AutoConfigureObservability}: a
 * Boot test turns metrics export (the Prometheus endpoint among it) off unless asked.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SpringOrdersContract {

  @Autowired TestRestTemplate http;
  @Autowired OrderService orders;
  @Autowired Transactions transactions;
  @Autowired JdbcTemplate jdbc;

  private static String newEmail() {
    return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private static Map<String, Object> order(String email, String item, int quantity) {
    return Map.of("firstName", "Ada", "lastName", "Lovelace", "email", email, "item", item,
        "quantity", quantity);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> post(Map<String, Object> order) {
    return http.postForEntity("/orders", order, Map.class);
  }

  private boolean userExists(String email) {
    return transactions.readOnly(tx -> tx.users().findByEmail(new Email(email))).isPresent();
  }

  private long orderCount() {
    return transactions.readOnly(tx -> tx.repository(OrderRepository.class).count());
  }

  private long auditRows(String item) {
    return jdbc.queryForObject("SELECT count(*) FROM order_audit WHERE note LIKE ?", Long.class,
        "%" + item);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void postThenGetAnOrder() {
    String email = newEmail();
    ResponseEntity<Map> created = post(order(email, "Analytical Engine", 2));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Object orderId = created.getBody().get("orderId");
    assertThat(created.getBody().get("userId")).isNotNull();
    assertThat(created.getHeaders().getLocation()).hasToString("/orders/" + orderId);

    ResponseEntity<Map> found = http.getForEntity("/orders/" + orderId, Map.class);
    assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(found.getBody()).containsEntry("id", orderId)
        .containsEntry("userId", created.getBody().get("userId"))
        .containsEntry("item", "Analytical Engine").containsEntry("quantity", 2)
        .containsEntry("version", 0);
    assertThat(userExists(email)).isTrue();

    assertThat(http.getForEntity("/orders/" + UUID.randomUUID(), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void healthIsUpAndShowsAppdb() {
    ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).containsEntry("status", "UP");
    Map<String, Object> appdb = (Map<String, Object>) ((Map<String, Object>) health.getBody()
        .get("components")).get("appdb");
    assertThat(appdb).containsEntry("status", "UP");
    assertThat((Map<String, Object>) appdb.get("details")).containsKeys("target", "database",
        "schema");
  }

  @Test
  void prometheusShowsAppdbsAndHikariCpsMeters() {
    post(order(newEmail(), "Difference Engine", 1)); // at least one unit timed
    ResponseEntity<String> scrape = http.getForEntity("/actuator/prometheus", String.class);
    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody()).contains("appdb_units").contains("hikaricp_connections");
  }

  @Test
  void aTransactionalMethodThatThrowsLeavesNeitherUserNorOrderNorAuditRow() {
    String email = newEmail();
    String item = "Unlucky " + UUID.randomUUID();
    long ordersBefore = orderCount();
    assertThatThrownBy(() -> orders.placeAndAudit("Ada", "Lovelace", email, item,
        OrderService.UNLUCKY_QUANTITY))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("refused");
    assertThat(userExists(email)).as("appdb's user").isFalse();
    assertThat(orderCount()).as("the order, through appdb").isEqualTo(ordersBefore);
    assertThat(auditRows(item)).as("JdbcTemplate's audit row").isZero();
  }

  @Test
  void aTransactionalMethodThatReturnsCommitsAllThree() {
    String email = newEmail();
    String item = "Lucky " + UUID.randomUUID();
    long ordersBefore = orderCount();
    OrderService.Placed placed = orders.placeAndAudit("Ada", "Lovelace", email, item, 7);
    assertThat(userExists(email)).isTrue();
    assertThat(orderCount()).isEqualTo(ordersBefore + 1);
    assertThat(orders.find(placed.order().id())).isPresent();
    assertThat(auditRows(item)).isOne();
  }

  @Test
  @SuppressWarnings("rawtypes")
  void aDuplicateEmailIsAConflictAndStoresNothing() {
    String email = newEmail();
    assertThat(post(order(email, "Jacquard loom", 1)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    long ordersBefore = orderCount();

    ResponseEntity<Map> conflict = post(order(email.toUpperCase(), "Second loom", 1));
    assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(conflict.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(conflict.getBody()).containsEntry("title", "Duplicate email")
        .containsEntry("status", 409);
    assertThat((String) conflict.getBody().get("detail")).contains("already exists");
    assertThat(orderCount()).as("the second order, rolled back").isEqualTo(ordersBefore);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void anInvalidOrderIsABadRequestNamingTheField() {
    ResponseEntity<Map> invalid = post(order(newEmail(), "Too many", 5000));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody()).containsEntry("field", "quantity");
  }
}
