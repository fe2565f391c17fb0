package dev.appdb.spring.boot.app;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Component;

/** {@link HealthView} on Spring Boot 3's health endpoint. */
@Component
public class Boot3HealthView implements HealthView {

  private final HealthEndpoint endpoint;

  public Boot3HealthView(HealthEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public HealthView.Component component(String name) {
    HealthComponent component = endpoint.healthForPath(name);
    Map<String, Object> details = component instanceof Health health ? health.getDetails()
        : Map.of();
    return new HealthView.Component(component.getStatus().getCode(), details);
  }

  @Override
  public String overall() {
    return endpoint.health().getStatus().getCode();
  }
}
