package dev.appdb.adapter.jooq.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.appdb.adapter.jooq.DatabaseUrls;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PostgresTarget;
import dev.appdb.adapter.jooq.kit.TransactionContext;
import dev.appdb.adapter.jooq.testing.DatabasesContractTest;
import dev.appdb.domain.error.QueryTimeoutException;
import dev.appdb.testing.PostgresTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresDatabasesTest extends DatabasesContractTest {

  @TempDir
  java.nio.file.Path folder;

  @Override
  protected String qualified(String table) {
    return "app." + table;
  }

  @Override
  protected String newDatabaseUrl() {
    return PostgresTestServer.get().databaseUrl(PostgresTestServer.createDatabase("databases"));
  }

  @Override
  protected HikariDataSource servicePool(String databaseUrl) {
    PostgresTarget target = (PostgresTarget) DatabaseUrls.parse(databaseUrl);
    HikariConfig config = new HikariConfig();
    config.setPoolName("service-pool");
    config.setJdbcUrl(target.jdbcUrl());
    config.setUsername(target.user());
    config.setPassword(target.password());
    config.setMaximumPoolSize(3);
    return new HikariDataSource(config);
  }

  /** The service's pool gets no server-side timeout from appdb: the JDBC query timeout bounds. */
  interface Sleeper {
    void sleep(int seconds);
  }

  @Test
  void anAdoptedPoolsStatementsAreBoundedByTheQueryTimeout() {
    try (HikariDataSource pool = servicePool(newDatabaseUrl());
        JooqDatabase database = Databases.adopt(pool, "adopted", Duration.ofSeconds(1))) {
      database.register(Sleeper.class, (TransactionContext tx) ->
          seconds -> tx.dsl().fetch("select pg_sleep(?)", seconds));
      long start = System.nanoTime();
      assertThatThrownBy(() -> database.transactions().readOnly(tx -> {
        tx.repository(Sleeper.class).sleep(20);
        return null;
      })).isInstanceOf(QueryTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }
  }

  @Test
  void aSqliteUrlWithoutTheSqliteAdapterSaysWhichDependencyIsMissing() {
    // adapter-jooq's tests run without adapter-sqlite on the class path, as a PostgreSQL-only
    // service would
    assertThatThrownBy(() -> Databases.open("sqlite:///" + folder.resolve("app.db")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is a SQLite database")
        .hasMessageContaining("dev.appdb:appdb-adapter-sqlite");
  }
}
