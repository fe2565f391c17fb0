package dev.appdb.bootstrap;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.factory.Databases;
import dev.appdb.application.health.HealthReport;
import dev.appdb.bootstrap.config.NamedDatabaseSettings;
import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.DatabaseUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A database beside the application's (e.g. Temporal's), opened on first use so that one that
 * is down never stops the service from starting, and checked by {@link #health()} within its
 * pool's health timeout, opening included. Thread-safe; at most one check (or opening) runs at a
 * time, so a silent server never piles up threads.
 */
public final class NamedDatabase implements AutoCloseable {

  private final NamedDatabaseSettings settings;
  private final ExecutorService checker;
  private final Object opening = new Object();
  private volatile JooqDatabase database;
  private volatile boolean closed;
  private CompletableFuture<HealthReport> running;

  /** @param settings the database's declaration, never null */
  public NamedDatabase(NamedDatabaseSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.checker = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "appdb-health-" + settings.name());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** @return its name, e.g. {@code temporal} */
  public String name() {
    return settings.name();
  }

  /** @return whether {@code appdb health} fails when it is down */
  public boolean required() {
    return settings.required();
  }

  /**
   * @return the open database, opened now if it was not yet; never null
   * @throws DatabaseUnavailableException when it cannot be opened (tried again next call)
   * @throws IllegalStateException after {@link #close()}
   */
  public JooqDatabase database() {
    synchronized (opening) {
      if (closed) {
        throw new IllegalStateException("the database " + name() + " is closed");
      }
      if (database == null) {
        JooqDatabase opened = Databases.open(settings.settings());
        database = opened;
        if (closed) { // closed while it was opening: close() may not have seen it
          database = null;
          opened.close();
          throw new IllegalStateException("the database " + name() + " is closed");
        }
      }
      return database;
    }
  }

  /**
   * @return up/down, round trip and server version, within the pool's health timeout whatever
   *     the server does (opening included); never null, never throws for the database's sake
   */
  public HealthReport health() {
    long bound = settings.settings().pool().healthTimeout().toMillis();
    CompletableFuture<HealthReport> check;
    synchronized (this) {
      if (running == null || running.isDone()) {
        running = CompletableFuture.supplyAsync(() -> database().probe().health(), checker);
      }
      check = running;
    }
    try {
      return check.get(bound, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new HealthReport(false, null, null, "did not answer within " + bound + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HealthReport(false, null, null, "interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return new HealthReport(false, null, null, cause instanceof AppdbException appdb
          ? appdb.getMessage() : "cannot be checked: " + cause.getClass().getSimpleName());
    }
  }

  /**
   * Checks databases concurrently, each on a thread of its own, within its own bound.
   *
   * @param databases the databases to check
   * @return one report each, in the same order
   */
  public static List<DatabaseHealth> healthOf(Collection<NamedDatabase> databases) {
    List<CompletableFuture<DatabaseHealth>> checks = new ArrayList<>();
    for (NamedDatabase each : databases) {
      CompletableFuture<DatabaseHealth> check =
          new CompletableFuture<>();
      Thread thread = new Thread(() -> check.complete(
          new DatabaseHealth(each.name(), each.required(), each.health())),
          "appdb-health-of-" + each.name());
      thread.setDaemon(true);
      thread.start();
      checks.add(check);
    }
    return checks.stream().map(CompletableFuture::join).toList();
  }

  /**
   * Closes its pool, if it was opened; idempotent, and never waits for an opening under way
   * (that one is closed as soon as it completes).
   */
  @Override
  public void close() {
    closed = true;
    checker.shutdownNow();
    JooqDatabase open = database;
    if (open != null) {
      database = null;
      open.close();
    }
  }

  @Override
  public String toString() {
    return "NamedDatabase[" + settings + "]";
  }
}
