package dev.appdb.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.factory.Databases;
import dev.appdb.adapter.jooq.testing.DatabasesContractTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SqliteDatabasesTest extends DatabasesContractTest {

  private static final AtomicInteger FILES = new AtomicInteger();

  @TempDir
  Path folder;

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
