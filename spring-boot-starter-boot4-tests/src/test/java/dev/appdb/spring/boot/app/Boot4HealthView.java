package dev.appdb.spring.boot.app;

import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.stereotype.Component;

/** {@link HealthView} on Spring Boot 4's health endpoint ({@code spring-boot-health}). */
@Component
public class Boot4HealthView implements HealthView {

  private final HealthEndpoint endpoint;

  public Boot4HealthView(HealthEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public HealthView.Component component(String name) {
    HealthDescriptor descriptor = endpoint.healthForPath(name);
    Map<String, Object> details = descriptor instanceof IndicatedHealthDescriptor indicated
        ? indicated.getDetails() : Map.of();
    return new HealthView.Component(descriptor.getStatus().getCode(), details);
  }

  @Override
  public String overall() {
    return endpoint.health().getStatus().getCode();
  }
}
