package dev.appdb.bootstrap.provision;

import java.util.Objects;

/**
 * One thing provisioning made sure of.
 *
 * @param object what it concerns, e.g. {@code role appowner} or
 *     {@code default privileges of appowner in app for appuser on tables}
 * @param outcome what was done, e.g. {@code created (NOLOGIN)}, or {@code as wanted} when
 *     nothing needed doing
 * @param changed whether the server was changed
 */
public record ProvisionStep(String object, String outcome, boolean changed) {

  /** @throws NullPointerException when {@code object} or {@code outcome} is null */
  public ProvisionStep {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(outcome, "outcome");
  }
}
