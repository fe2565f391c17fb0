package dev.appdb.bootstrap.cli.output;

import dev.appdb.application.health.HealthReport;
import dev.appdb.application.importing.ImportReport;
import dev.appdb.application.signin.SignInResult;
import dev.appdb.bootstrap.DatabaseHealth;
import dev.appdb.bootstrap.provision.ProvisionReport;
import dev.appdb.bootstrap.provision.ProvisionStep;
import dev.appdb.domain.entity.Page;
import dev.appdb.domain.error.PoolStatus;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.User;
import dev.appdb.migrations.MigrationReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Plain text for people: one line per entity, aligned columns for lists. */
public final class HumanOutput implements Output {

  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * @param out where results go
   * @param err where errors go
   */
  public HumanOutput(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void migrated(List<MigrationReport> reports) {
    MigrationReport appdb = reports.get(0);
    out.printf("database ready: %d migration(s) applied, schema version %s%n",
        reports.stream().mapToInt(MigrationReport::applied).sum(), appdb.schemaVersion());
    if (reports.size() > 1) {
      for (MigrationReport report : reports) {
        out.printf("  %s: %d applied, version %s%n", report.set(), report.applied(),
            report.schemaVersion());
      }
    }
  }

  @Override
  public void user(User user) {
    out.println(line(user));
  }

  @Override
  public void users(Page<User> page) {
    out.printf("%-36s  %-27s  %-7s  %s%n", "ID", "CREATED", "VERSION", "NAME <EMAIL>");
    page.items().forEach(user -> out.println(line(user)));
    out.printf("(%d user(s)%s)%n", page.items().size(),
        page.next() == null ? "" : "; next page: --after " + page.next().toToken());
  }

  private static String line(User user) {
    return String.format("%-36s  %-27s  %-7d  %s %s%s", user.id(), user.createdAt(),
        user.version(), user.firstName(), user.lastName(),
        user.email() == null ? "" : " <" + user.email() + ">");
  }

  @Override
  public void done(String what) {
    out.println(what);
  }

  @Override
  public void identity(UserIdentity identity) {
    out.printf("%s  %s  -> user %s (linked %s)%n", identity.issuer(), identity.subject(),
        identity.userId(), identity.linkedAt());
  }

  @Override
  public void identities(List<UserIdentity> identities) {
    identities.forEach(this::identity);
    out.printf("(%d identit%s)%n", identities.size(), identities.size() == 1 ? "y" : "ies");
  }

  @Override
  public void signIn(SignInResult result) {
    out.printf("%s: %s%n", switch (result.outcome()) {
      case EXISTING -> "signed in";
      case LINKED_BY_EMAIL -> "identity linked to the user with this verified email";
      case CREATED -> "new user created";
    }, line(result.user()));
  }

  @Override
  public void rejected(String key, String reason) {
    out.printf("rejected %s: %s%n", visible(key), visible(reason));
  }

  @Override
  public void imported(ImportReport report) {
    out.printf("import done: %d created, %d linked, %d unchanged, %d rejected (%d read)%n",
        report.created(), report.linked(), report.unchanged(), report.rejected(), report.total());
  }

  @Override
  public void provisioned(ProvisionReport report) {
    for (ProvisionStep step : report.steps()) {
      out.printf("%s %s: %s%n", step.changed() ? "*" : " ", step.object(), step.outcome());
    }
    out.println(report.changed()
        ? "provisioned: " + report.changes() + " of " + report.steps().size() + " steps changed"
            + " the server"
        : "nothing to change: all " + report.steps().size() + " steps as wanted");
  }

  @Override
  public void health(HealthReport report, List<DatabaseHealth> named) {
    if (report.up()) {
      String schema = report.schema().stream()
          .map(set -> set.set() + "@" + (set.version() == null ? "none" : set.version())
              + (set.pending() == 0 ? "" : "+" + set.pending() + " pending"))
          .collect(java.util.stream.Collectors.joining(" "));
      out.printf(Locale.ROOT, "UP  %s  round trip %.3f ms%s%s%n", report.database(),
          report.roundTrip().toNanos() / 1_000_000.0,
          schema.isEmpty() ? "" : "  schema " + schema,
          report.ready() ? "" : "  NOT READY: " + report.error());
    } else {
      out.printf("DOWN  %s%n", report.error());
    }
    for (DatabaseHealth other : named) {
      HealthReport health = other.report();
      out.printf(Locale.ROOT, "%s: %s%n", other.name(), health.up()
          ? String.format(Locale.ROOT, "UP  %s  round trip %.3f ms", health.database(),
              health.roundTrip().toNanos() / 1_000_000.0)
          : "DOWN" + (other.required() ? " (required)  " : " (optional)  ") + health.error());
    }
  }

  @Override
  public void poolStatus(PoolStatus status) {
    out.printf(Locale.ROOT, "pool %s  size %d  checked_in %d  checked_out %d  overflow %d"
        + "  waiting %d  max %d  invalid %d  checkouts %d  checkout_timeouts %d"
        + "  mean_wait_ms %.3f%n", status.pool(), status.size(), status.checkedIn(),
        status.checkedOut(), status.overflow(), status.waiting(), status.maximumSize(),
        status.invalid(), status.checkouts(), status.checkoutTimeouts(),
        status.meanWaitMillis());
    out.println("(" + PoolScope.NOTE + ")");
  }

  @Override
  public void error(String type, String message) {
    err.println("error: " + visible(message));
  }

  /**
   * Input-derived text with control and bidirectional-override characters shown as
   * {@code \\uXXXX}, so a crafted username cannot drive the terminal (ANSI escapes, title
   * changes) or reverse what is shown.
   */
  private static String visible(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E')
          || (c >= '\u2066' && c <= '\u2069')) {
        shown.append(String.format("\\u%04X", (int) c));
      } else {
        shown.append(c);
      }
    }
    return shown.toString();
  }
}
