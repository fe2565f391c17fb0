package dev.appdb.adapter.jooq.transaction;

import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.UserRepository;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The repositories of one jOOQ transaction, each made on first use and kept for the unit:
 * appdb's own and every one a service registered (appdb's are registered the same way, by
 * {@code JooqDatabase}), all bound to the same {@link TransactionContext}.
 */
final class JooqUnitOfWork implements UnitOfWork {

  private final TransactionContext context;
  private UserRepository users;
  private UserIdentityRepository identities;
  private Map<Class<?>, Object> registered;

  JooqUnitOfWork(TransactionContext context) {
    this.context = context;
  }

  @Override
  public UserRepository users() {
    if (users == null) {
      users = create(UserRepository.class);
    }
    return users;
  }

  @Override
  public UserIdentityRepository identities() {
    if (identities == null) {
      identities = create(UserIdentityRepository.class);
    }
    return identities;
  }

  @Override
  public <R> R repository(Class<R> port) {
    Objects.requireNonNull(port, "port");
    context.requireOpen();
    if (port == UserRepository.class) {
      return port.cast(users());
    }
    if (port == UserIdentityRepository.class) {
      return port.cast(identities());
    }
    if (registered == null) {
      registered = new IdentityHashMap<>(4);
    }
    Object repository = registered.get(port);
    if (repository == null) {
      repository = create(port);
      registered.put(port, repository);
    }
    return port.cast(repository);
  }

  /** Makes the unit's repository for {@code port} (appdb's own are made on first use too). */
  private <R> R create(Class<R> port) {
    context.requireOpen();
    RepositoryFactory<?> factory = context.database().repositories().get(port);
    if (factory == null) {
      throw new IllegalArgumentException("no repository is registered for " + port.getName()
          + "; register one when the database is opened (JooqDatabase.register); registered: "
          + new TreeSet<>(context.database().repositories().keySet().stream()
              .map(Class::getName).toList()));
    }
    return port.cast(Objects.requireNonNull(factory.create(context),
        () -> "the repository factory of " + port.getName() + " returned null"));
  }
}
