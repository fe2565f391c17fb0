package dev.appdb.adapter.jooq;

import dev.appdb.adapter.jooq.dialect.DatabaseDialect;
import dev.appdb.adapter.jooq.identity.JooqUserIdentityRepository;
import dev.appdb.adapter.jooq.pool.ConnectionPool;
import dev.appdb.adapter.jooq.probe.PoolDatabaseProbe;
import dev.appdb.adapter.jooq.transaction.JooqTransactions;
import dev.appdb.adapter.jooq.transaction.RepositoryFactory;
import dev.appdb.adapter.jooq.transaction.UnitOfWorkObserver;
import dev.appdb.adapter.jooq.user.JooqUserRepository;
import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.port.Transactions;
import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.UserRepository;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.conf.Settings;

/**
 * An open database: its connection pool, the unit-of-work port over it and its probe. What an
 * application holds for its lifetime (the seed's long-lived engine); close it at shutdown.
 */
public final class JooqDatabase implements AutoCloseable {

  private final ConnectionPool pool;
  private final JooqTransactions transactions;
  private final PoolDatabaseProbe probe;

  /**
   * @param pool the open pool, never null; closed by {@link #close}
   * @param dialect the database's specifics, never null
   * @param clientQueryTimeout the JDBC query timeout set on every statement (whole seconds, at
   *     least 1), for a database that cannot time statements out itself (SQLite);
   *     {@link Duration#ZERO} when the server does (PostgreSQL's {@code statement_timeout})
   */
  public JooqDatabase(ConnectionPool pool, DatabaseDialect dialect, Duration clientQueryTimeout) {
    this.pool = Objects.requireNonNull(pool, "pool");
    Settings jooq = new Settings().withRenderFormatted(false);
    if (!clientQueryTimeout.isZero()) {
      jooq = jooq.withQueryTimeout((int) Math.max(1, clientQueryTimeout.toSeconds()));
    }
    this.transactions = new JooqTransactions(pool, dialect, jooq);
    // appdb's own repositories are registered like a service's
    transactions.register(UserRepository.class, JooqUserRepository::new);
    transactions.register(UserIdentityRepository.class, JooqUserIdentityRepository::new);
    this.probe = new PoolDatabaseProbe(pool, PoolDatabaseProbe.DEFAULT_TIMEOUT);
  }

  /**
   * Makes a service's repository available inside every unit of work that begins afterwards, as
   * {@code tx.repository(port)}; register at start, before the first unit that needs it.
   *
   * @param port the repository's interface, e.g. {@code OrderRepository.class}; never null
   * @param factory makes the repository for one unit, e.g. {@code JooqOrderRepository::new}
   * @param <R> the port type
   * @return this database, for chaining
   * @throws IllegalArgumentException when {@code port} is not an interface or already has a
   *     repository
   */
  public <R> JooqDatabase register(Class<R> port, RepositoryFactory<? extends R> factory) {
    transactions.register(port, factory);
    return this;
  }

  /**
   * @param observer told about every unit of work that ends from now on (outcome, duration),
   *     never null
   * @return this database, for chaining
   */
  public JooqDatabase observe(UnitOfWorkObserver observer) {
    transactions.observe(observer);
    return this;
  }

  /**
   * @return the connection pool, for its status and for binding its metrics; checkouts from it
   *     bypass the units of work
   */
  public ConnectionPool pool() {
    return pool;
  }

  /** @return the unit-of-work port, thread-safe, never null */
  public Transactions transactions() {
    return transactions;
  }

  /**
   * @return health and pool status, never null; health answers within
   *     {@link PoolDatabaseProbe#DEFAULT_TIMEOUT}
   */
  public DatabaseProbe probe() {
    return probe;
  }

  /** @return the pooled data source, for migrations; never null */
  public DataSource dataSource() {
    return pool.dataSource();
  }

  /** @return where this database is, without secrets, e.g. {@code sqlite:./database.db} */
  public String target() {
    return pool.target();
  }

  /** Closes the pool and every connection. */
  @Override
  public void close() {
    probe.close();
    pool.close();
  }
}
