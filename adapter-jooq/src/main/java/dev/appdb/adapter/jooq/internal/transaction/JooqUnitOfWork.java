package dev.appdb.adapter.jooq.internal.transaction;

import dev.appdb.adapter.jooq.kit.RepositoryFactory;
import dev.appdb.application.port.UnitOfWork;
import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.UserRepository;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The repositories of one jOOQ transaction, each made on first use and kept for the unit:
 * appdb's own and every one a service registered (appdb's are registered the same way, by
 * {@code JooqDatabase}), all bound to the same {@link UnitContext}.
 */
final class JooqUnitOfWork implements UnitOfWork {

  private final UnitContext context;
  private UserRepository users;
  private UserIdentityRepository identities;
  /**
   * The services' repositories made so far, as port, repository, port, repository...: a unit
   * uses a few, and a scan of a few costs less than making a map for each unit.
   */
  private Object[] registered;
  private int registeredCount;

  JooqUnitOfWork(UnitContext context) {
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
    for (int i = 0; i < registeredCount; i += 2) {
      if (registered[i] == port) {
        return port.cast(registered[i + 1]);
      }
    }
    Object repository = create(port);
    if (registered == null) {
      registered = new Object[4];
    } else if (registeredCount == registered.length) {
      registered = Arrays.copyOf(registered, registered.length * 2);
    }
    registered[registeredCount++] = port;
    registered[registeredCount++] = repository;
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
    Object repository = factory.create(context);
    if (repository == null) {
      throw new NullPointerException("the repository factory of " + port.getName()
          + " returned null");
    }
    return PortCalls.guard(port, repository, context);
  }
}
