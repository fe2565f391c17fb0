package dev.appdb.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.SpringVersion;

/**
 * This module runs on Spring Boot 4 and Spring Framework 7, and the starter's {@code appdb}
 * indicator there is Boot 4's ({@link AppdbBoot4HealthIndicator}), Boot 3's configuration
 * inactive.
 */
class AppdbBoot4Test {

  @TempDir Path folder;

  @Test
  void theClassPathIsBoot4s() {
    assertThat(SpringBootVersion.getVersion()).startsWith("4.0.");
    assertThat(SpringVersion.getVersion()).startsWith("7.");
    assertThatThrownBy(() -> Class.forName("org.springframework.boot.actuate.health.HealthIndicator"))
        .as("Boot 3's health API").isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theAppdbIndicatorIsBoot4sAndUp() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
            AppdbAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + folder.resolve("boot4.db")
            + "?foreign_keys=true&transaction_mode=IMMEDIATE")
        .run(context -> {
          assertThat(context).hasNotFailed(); // Boot 3's AppdbHealthIndicator cannot even load here
          assertThat(context.getBean("appdbHealthIndicator"))
              .isInstanceOf(AppdbBoot4HealthIndicator.class)
              .isInstanceOf(HealthIndicator.class);
          assertThat(context.getBean(AppdbBoot4HealthIndicator.class).health().getStatus())
              .isEqualTo(Status.UP);
        });
  }
}
