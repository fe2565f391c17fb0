package dev.appdb.spring.boot.app;

import java.util.Map;

/**
 * The actuator's health endpoint as {@code AppdbApplicationContract} reads it, free of Boot's
 * health types (Boot 3: {@code org.springframework.boot.actuate.health}, Boot 4:
 * {@code org.springframework.boot.health}): one component per Boot version, {@link Boot3HealthView}
 * here, {@code Boot4HealthView} in spring-boot-starter-boot4-tests.
 */
public interface HealthView {

  /** @param status the status code, e.g. {@code UP}; @param details its details */
  record Component(String status, Map<String, Object> details) {}

  /** @return the indicator contributed under {@code name}, as the endpoint reports it */
  Component component(String name);

  /** @return the endpoint's overall status code */
  String overall();
}
