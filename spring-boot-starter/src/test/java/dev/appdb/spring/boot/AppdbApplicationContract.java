package dev.appdb.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.port.Transactions;
import dev.appdb.domain.error.DuplicateEmailException;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.spring.boot.app.AccountService;
import dev.appdb.spring.boot.app.AppdbTestApplication;
import dev.appdb.spring.boot.app.HealthView;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * A Spring Boot application with appdb and no glue code: what it gets, and how appdb's units and
 * {@code @Transactional} combine. One subclass per database. Free of Boot-version-specific types
 * (the health endpoint is read through {@link HealthView}), so that it runs on Boot 3.5 here and
 * on Boot 4.0 in spring-boot-starter-boot4-tests, which compiles these sources against Boot 4.
 */
@SpringBootTest(classes = AppdbTestApplication.class, properties = {
    "management.endpoint.health.show-details=always",
    // the service's table from schema.sql (Boot's initializer, before appdb's migrations); Boot's
    // Flyway: AppdbBootFlyway*Test
    "spring.sql.init.mode=always", "spring.flyway.enabled=false",
    // a unit waiting on a row lock fails within 5 s instead of 30: the test would see it
    "appdb.pool.statement-timeout-seconds=5"})
abstract class AppdbApplicationContract {

  @Autowired Transactions transactions;
  @Autowired DatabaseProbe probe;
  @Autowired JooqDatabase database;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccountService accounts;
  @Autowired HealthView health;
  @Autowired MeterRegistry meters;

  /** @return appdb's table by its name in plain SQL ({@code app.users} or {@code users}) */
  abstract String qualified(String table);

  private static String newEmail() {
    return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private long users(String email) {
    return jdbc.queryForObject("SELECT count(*) FROM " + qualified("users")
        + " WHERE email_normalized = ?", Long.class, email);
  }

  private long events(String label) {
    return jdbc.queryForObject("SELECT count(*) FROM service_events WHERE label = ?", Long.class,
        label);
  }

  @Test
  void theContextStartsMigratedAndHealthyWithNoGlueCode() {
    assertThat(jdbc.queryForObject("SELECT count(*) FROM " + qualified("appdb_schema_history")
        + " WHERE success", Long.class)).as("appdb's scripts, applied at start").isPositive();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM " + qualified("users"), Long.class))
        .isNotNull();
    assertThat(probe.readiness().ready()).isTrue();

    HealthView.Component appdb = health.component("appdb");
    assertThat(appdb.status()).isEqualTo("UP");
    Map<String, Object> details = appdb.details();
    assertThat(details).containsKeys("target", "database", "roundTripMs", "schema");
    assertThat(details.get("schema").toString()).contains("set=appdb").contains("pending=0");
    assertThat(health.overall()).isEqualTo("UP");
  }

  @Test
  void transactionsCommitOnTheirOwnOutsideASpringTransaction() {
    String email = newEmail();
    User user = transactions.inTransaction(tx -> tx.users().create(
        User.register("Grace", "Hopper", new Email(email), Instant.now())));
    assertThat(users(email)).isOne();
    Optional<User> found = transactions.readOnly(tx -> tx.users().findById(user.id()));
    assertThat(found).isPresent();
  }

  @Test
  void aTransactionalMethodThatThrowsRollsBackAppdbsAndJdbcTemplatesWrites() {
    String email = newEmail();
    assertThatThrownBy(() -> accounts.register(email, true))
        .isInstanceOf(IllegalStateException.class).hasMessage("refused after both writes");
    assertThat(users(email)).as("appdb's user").isZero();
    assertThat(events("registered " + email)).as("JdbcTemplate's row").isZero();
  }

  @Test
  void aTransactionalMethodThatReturnsCommitsBoth() {
    String email = newEmail();
    accounts.register(email, false);
    assertThat(users(email)).isOne();
    assertThat(events("registered " + email)).isOne();
    assertThat(meters.find("appdb.units").tag("outcome", "joined").timer())
        .as("the joined unit, counted").isNotNull()
        .satisfies(timer -> assertThat(timer.count()).isPositive());
  }

  @Test
  void anAppdbUnitAfterJdbcTemplateInOneTransactionDoesNotWaitOnItsOwnRowLock() {
    String email = newEmail();
    User user = accounts.register(email, false);
    long started = System.nanoTime();
    User renamed = accounts.renameTwice(user.id(), email);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(renamed.firstName()).as("appdb read JdbcTemplate's uncommitted write")
        .isEqualTo("Jdbc");
    assertThat(renamed.lastName()).isEqualTo("Appdb");
    assertThat(took).as("no wait on its own lock (statement timeout 5 s)")
        .isLessThan(Duration.ofSeconds(4));
    assertThat(transactions.readOnly(tx -> tx.users().findById(user.id())).orElseThrow())
        .extracting(User::firstName, User::lastName).containsExactly("Jdbc", "Appdb");
  }

  @Test
  void aFailedAppdbUnitRollsBackTheSpringTransactionAndTheCallerSeesTheDomainError() {
    String email = newEmail();
    accounts.register(email, false);
    assertThatThrownBy(() -> accounts.eventThenDuplicate(email))
        .isInstanceOf(DuplicateEmailException.class);
    assertThat(events("before duplicate " + email)).as("the transaction's other write").isZero();
    assertThat(users(email)).isOne();
  }

  @Test
  void aSwallowedDomainErrorStillRollsBackTheSpringTransaction() {
    String email = newEmail();
    accounts.register(email, false);
    assertThatThrownBy(() -> accounts.eventThenSwallowedDuplicate(email))
        .isInstanceOf(UnexpectedRollbackException.class);
    assertThat(events("before swallowed duplicate " + email)).isZero();
  }

  @Test
  void appdbsMetersAreBoundAndHikariCpsAreBootsOnly() {
    transactions.readOnly(tx -> tx.users().count());
    assertThat(meters.find("appdb.units").timers()).isNotEmpty();
    assertThat(meters.find("appdb.pool.checkouts").functionCounter()).isNotNull();
    assertThat(meters.find("hikaricp.connections").gauges()).as("bound once, by Boot")
        .hasSize(1);
  }
}
