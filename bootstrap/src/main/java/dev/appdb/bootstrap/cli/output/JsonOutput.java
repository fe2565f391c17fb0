package dev.appdb.bootstrap.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One JSON document per command on stdout, for machines. Ids and timestamps are strings
 * (canonical UUID; ISO-8601 UTC as {@code Instant.toString} writes it: a fraction of at most six
 * digits, trailing zeros dropped); keys are snake_case like the seed's API.
 * Errors are one JSON line on stderr: {@code {"error":{"type":…,"message":…}}}. An import's
 * rejections are kept until its report is printed, in one document.
 */
public final class JsonOutput implements Output {

  private final ObjectMapper mapper = new ObjectMapper();
  private final ArrayNode rejections = mapper.createArrayNode();
  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * @param out where results go
   * @param err where errors go
   */
  public JsonOutput(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  private void print(PrintWriter target, Object node) {
    try {
      target.println(mapper.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode userNode(User user) {
    ObjectNode node = mapper.createObjectNode()
        .put("id", user.id().toString())
        .put("first_name", user.firstName())
        .put("last_name", user.lastName());
    node.put("email", user.email() == null ? null : user.email().value());
    return node.put("created_at", user.createdAt().toString())
        .put("updated_at", user.updatedAt().toString())
        .put("version", user.version());
  }

  private ObjectNode identityNode(UserIdentity identity) {
    return mapper.createObjectNode()
        .put("issuer", identity.issuer().value())
        .put("subject", identity.subject().value())
        .put("user_id", identity.userId().toString())
        .put("linked_at", identity.linkedAt().toString());
  }

  @Override
  public void migrated(List<MigrationReport> reports) {
    ObjectNode node = mapper.createObjectNode()
        .put("applied", reports.stream().mapToInt(MigrationReport::applied).sum())
        .put("schema_version", reports.get(0).schemaVersion());
    ArrayNode sets = node.putArray("sets");
    for (MigrationReport report : reports) {
      sets.addObject().put("set", report.set()).put("applied", report.applied())
          .put("schema_version", report.schemaVersion());
    }
    print(out, node);
  }

  @Override
  public void user(User user) {
    print(out, userNode(user));
  }

  @Override
  public void users(Page<User> page) {
    ObjectNode node = mapper.createObjectNode();
    ArrayNode users = node.putArray("users");
    page.items().forEach(user -> users.add(userNode(user)));
    node.put("next", page.next() == null ? null : page.next().toToken());
    print(out, node);
  }

  @Override
  public void done(String what) {
    print(out, mapper.createObjectNode().put("done", what));
  }

  @Override
  public void identity(UserIdentity identity) {
    print(out, identityNode(identity));
  }

  @Override
  public void identities(List<UserIdentity> identities) {
    ArrayNode array = mapper.createArrayNode();
    identities.forEach(identity -> array.add(identityNode(identity)));
    print(out, mapper.createObjectNode().set("identities", array));
  }

  @Override
  public void signIn(SignInResult result) {
    ObjectNode node = mapper.createObjectNode().put("outcome", result.outcome().name());
    node.set("user", userNode(result.user()));
    node.set("identity", identityNode(result.identity()));
    print(out, node);
  }

  @Override
  public void rejected(String key, String reason) {
    rejections.add(mapper.createObjectNode().put("key", key).put("reason", reason));
  }

  @Override
  public void imported(ImportReport report) {
    ObjectNode node = mapper.createObjectNode()
        .put("created", report.created())
        .put("linked", report.linked())
        .put("unchanged", report.unchanged())
        .put("rejected", report.rejected());
    node.set("rejections", rejections);
    print(out, node);
  }

  @Override
  public void provisioned(ProvisionReport report) {
    ObjectNode node = mapper.createObjectNode().put("changed", report.changed())
        .put("changes", report.changes());
    var steps = node.putArray("steps");
    for (ProvisionStep step : report.steps()) {
      steps.addObject().put("object", step.object()).put("outcome", step.outcome())
          .put("changed", step.changed());
    }
    print(out, node);
  }

  @Override
  public void health(HealthReport report, List<DatabaseHealth> named) {
    ObjectNode node = mapper.createObjectNode().put("status", report.up() ? "UP" : "DOWN")
        .put("ready", report.ready());
    if (report.up()) {
      node.put("round_trip_ms", report.roundTrip().toNanos() / 1_000_000.0)
          .put("database", report.database());
      ArrayNode schema = node.putArray("schema");
      report.schema().forEach(set -> schema.addObject().put("set", set.set())
          .put("version", set.version()).put("pending", set.pending()));
    }
    if (report.error() != null) {
      node.put("error", report.error());
    }
    if (!named.isEmpty()) {
      ArrayNode databases = node.putArray("databases");
      for (DatabaseHealth other : named) {
        HealthReport health = other.report();
        ObjectNode entry = databases.addObject().put("name", other.name())
            .put("required", other.required()).put("status", health.up() ? "UP" : "DOWN");
        if (health.up()) {
          entry.put("round_trip_ms", health.roundTrip().toNanos() / 1_000_000.0)
              .put("database", health.database());
        } else {
          entry.put("error", health.error());
        }
      }
    }
    print(out, node);
  }

  @Override
  public void poolStatus(PoolStatus status) {
    print(out, mapper.createObjectNode()
        .put("pool", status.pool())
        .put("size", status.size())
        .put("checked_in", status.checkedIn())
        .put("checked_out", status.checkedOut())
        .put("overflow", status.overflow())
        .put("waiting", status.waiting())
        .put("max", status.maximumSize())
        .put("invalid", status.invalid())
        .put("checkouts", status.checkouts())
        .put("checkout_timeouts", status.checkoutTimeouts())
        .put("mean_wait_ms", status.meanWaitMillis())
        .put("scope", PoolScope.NOTE));
  }

  @Override
  public void error(String type, String message) {
    ObjectNode error = mapper.createObjectNode().put("type", type).put("message", message);
    print(err, mapper.createObjectNode().set("error", error));
  }
}
