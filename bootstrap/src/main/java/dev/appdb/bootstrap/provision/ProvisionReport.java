package dev.appdb.bootstrap.provision;

import java.util.List;

/**
 * What {@link PostgresProvisioning#provision} did, step by step, in order.
 *
 * @param steps every step, changed or not; copied
 */
public record ProvisionReport(List<ProvisionStep> steps) {

  /** Copies the steps. */
  public ProvisionReport {
    steps = List.copyOf(steps);
  }

  /** @return whether any step changed the server (false: a second run found all as wanted) */
  public boolean changed() {
    return steps.stream().anyMatch(ProvisionStep::changed);
  }

  /** @return how many steps changed the server */
  public long changes() {
    return steps.stream().filter(ProvisionStep::changed).count();
  }
}
