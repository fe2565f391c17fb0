package dev.appdb.spring.boot;

import dev.appdb.adapter.jooq.spi.EnclosingTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions as appdb's units see them: a unit joins the transaction a Spring
 * transaction manager ({@code DataSourceTransactionManager}, {@code JdbcTransactionManager},
 * {@code JpaTransactionManager}) runs on this thread on appdb's data source, found as
 * {@code DataSourceUtils} finds it: {@code TransactionSynchronizationManager.getResource(dataSource)}
 * with the data source bean itself.
 *
 * <p>A transaction is joined when one is actually active on the thread and the data source's
 * resource is a {@link ConnectionHolder} whose connection has autocommit off (a holder bound only
 * for synchronization, e.g. under a transaction of another data source, holds an autocommit
 * connection: a unit then begins its own). Marking it rollback-only marks the holder, so that the
 * transaction manager rolls back, and on commit throws {@code UnexpectedRollbackException}.
 * Spring Framework API only (no Spring Boot type): the same class serves Boot 3 and Boot 4.
 */
public final class SpringEnclosingTransactions implements EnclosingTransactions {

  private final DataSource dataSource;

  /** @param dataSource the data source appdb adopted, the bean Spring's transaction manager uses */
  public SpringEnclosingTransactions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public Optional<EnclosingTransaction> current() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      return Optional.empty();
    }
    if (!(TransactionSynchronizationManager.getResource(dataSource)
        instanceof ConnectionHolder holder)) {
      return Optional.empty(); // a transaction of another resource, none on this data source
    }
    Connection connection = holder.getConnection();
    try {
      if (connection.getAutoCommit()) {
        return Optional.empty(); // bound for synchronization only: no transaction to join
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the Spring transaction's connection cannot be read", e);
    }
    return Optional.of(new Joined(holder, connection,
        TransactionSynchronizationManager.isCurrentTransactionReadOnly()));
  }

  private record Joined(ConnectionHolder holder, Connection connection, boolean readOnly)
      implements EnclosingTransaction {

    @Override
    public void setRollbackOnly() {
      holder.setRollbackOnly();
    }
  }
}
