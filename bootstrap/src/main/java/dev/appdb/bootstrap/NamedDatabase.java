package dev.appdb.bootstrap;

import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.application.health.HealthReport;
import dev.appdb.bootstrap.config.NamedDatabaseSettings;
import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.DatabaseUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

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

  /** @param settings the database's declaration */
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
   * @return the open database, opened now if it was not yet
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
   *     the server does (opening included), never throws for the database's sake
   */
  public HealthReport health() {
    return check().join();
  }

  /**
   * Checks databases concurrently, each within its own bound, on their own checker threads.
   *
   * @param databases the databases to check
   * @return one report each, in the same order
   */
  public static List<DatabaseHealth> healthOf(Collection<NamedDatabase> databases) {
    List<NamedDatabase> each = List.copyOf(databases);
    List<CompletableFuture<HealthReport>> checks = each.stream().map(NamedDatabase::check)
        .toList();
    List<DatabaseHealth> reports = new ArrayList<>();
    for (int i = 0; i < each.size(); i++) {
      NamedDatabase database = each.get(i);
      reports.add(new DatabaseHealth(database.name(), database.required(), checks.get(i).join()));
    }
    return reports;
  }

  /**
   * Starts a check on the checker thread, or joins the one under way.
   *
   * @return a report that completes within the pool's health timeout, never exceptionally
   */
  private CompletableFuture<HealthReport> check() {
    long bound = settings.settings().pool().healthTimeout().toMillis();
    CompletableFuture<HealthReport> check;
    synchronized (this) {
      if (running == null || running.isDone()) {
        try {
          running = CompletableFuture.supplyAsync(() -> database().probe().health(), checker);
        } catch (RejectedExecutionException closedAlready) {
          return CompletableFuture.completedFuture(
              new HealthReport(false, null, null, "closed"));
        }
      }
      check = running;
    }
    return check.handle((report, failure) -> failure == null ? report : down(failure))
        .completeOnTimeout(new HealthReport(false, null, null,
            "did not answer within " + bound + " ms"), bound, TimeUnit.MILLISECONDS);
  }

  private static HealthReport down(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return new HealthReport(false, null, null, cause instanceof AppdbException appdb
        ? appdb.getMessage() : "cannot be checked: " + cause.getClass().getSimpleName());
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
