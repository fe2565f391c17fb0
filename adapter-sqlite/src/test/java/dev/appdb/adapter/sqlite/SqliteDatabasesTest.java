package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.testing.DatabasesContractTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SqliteDatabasesTest extends DatabasesContractTest {

  private static final AtomicInteger FILES = new AtomicInteger();

  @TempDir
  Path folder;

  @Override
  protected String qualified(String table) {
    return table;
  }

  @Override
  protected String newDatabaseUrl() {
    // SQLAlchemy's form, as the seed's DATABASE_URL had it: three slashes and an absolute path
    return "sqlite:///" + folder.resolve("app-" + FILES.incrementAndGet() + ".db");
  }

  @Override
  protected HikariDataSource servicePool(String databaseUrl) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("service-pool");
    config.setJdbcUrl("jdbc:sqlite:" + databaseUrl.substring("sqlite:///".length()));
    config.addDataSourceProperty("foreign_keys", "true");
    config.setMaximumPoolSize(3);
    return new HikariDataSource(config);
  }

  @Test
  void anAdoptedPoolWithoutForeignKeysIsRefused() {
    SQLiteDataSource plain = new SQLiteDataSource();
    plain.setUrl("jdbc:sqlite:" + folder.resolve("plain.db"));
    assertThatThrownBy(() -> Databases.adopt(plain, "sqlite:plain.db", Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must enforce foreign keys");
  }

  @Test
  void adoptedPoolsOnOneFreshFileTakeTurnsToMigrate() throws Exception {
    String url = newDatabaseUrl();
    Path file = Path.of(url.substring("sqlite:///".length()));
    int pools = 6;
    ExecutorService threads = Executors.newFixedThreadPool(pools);
    CyclicBarrier together = new CyclicBarrier(pools);
    try {
      List<Future<Long>> runs = new ArrayList<>();
      for (int i = 0; i < pools; i++) {
        runs.add(threads.submit(() -> {
          try (HikariDataSource pool = servicePool(url);
              JooqDatabase database = Databases.adopt(pool, "sqlite:" + file,
                  Duration.ofSeconds(10))) {
            try {
              together.await(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
              throw new AssertionError("the other pools did not open within 60 s", e);
            }
            database.migrate();
            return database.transactions().readOnly(tx -> tx.users().count());
          }
        }));
      }
      for (Future<Long> run : runs) {
        assertThat(run).as("pool %d of %d migrating", runs.indexOf(run) + 1, pools)
            .succeedsWithin(Duration.ofSeconds(120)).isEqualTo(0L);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(file.resolveSibling(file.getFileName() + ".migration-lock"))
        .as("the adopted pools took appdb's migration lock").exists();
  }

  @Test
  void anAdoptedPoolThatIsNotHikariCountsCheckouts() {
    SQLiteDataSource plain = new SQLiteDataSource();
    plain.setUrl("jdbc:sqlite:" + folder.resolve("plain.db"));
    plain.setEnforceForeignKeys(true);
    try (JooqDatabase database = Databases.adopt(plain, "sqlite:plain.db",
        Duration.ofSeconds(5))) {
      database.migrate();
      long users = database.transactions().readOnly(tx -> tx.users().count());
      assertThat(users).isZero();
      assertThat(database.probe().poolStatus().checkouts()).isPositive();
      assertThat(database.probe().poolStatus().size()).isZero();
    }
  }
}
