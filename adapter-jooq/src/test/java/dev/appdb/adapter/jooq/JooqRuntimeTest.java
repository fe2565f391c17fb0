package dev.appdb.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The start-up check of the jOOQ version a dependency manager put on the class path. */
class JooqRuntimeTest {

  @Test
  void theJooqThisBuildRunsOnIsTheTestedOne() {
    assertThatCode(JooqRuntime::requireTested).doesNotThrowAnyException();
  }

  @Test
  void anotherMinorVersionIsRefusedNamingBothAndTheFix() {
    assertThat(JooqRuntime.problem("3.19.39", "3.21.2", null, null, 21))
        .isEqualTo("jOOQ 3.21.2 is on the class path, but appdb is built and tested with jOOQ"
            + " 3.19.39; use jOOQ 3.19.39: import dev.appdb:appdb-bom, or under Spring Boot set"
            + " the property jooq.version=3.19.39 (or accept this version at your own risk with"
            + " -Dappdb.jooq.accept=3.21.2)");
    assertThat(JooqRuntime.problem("3.19.39", "3.21.2", null, "3.21.2", 21)).isNull();
    assertThat(JooqRuntime.problem("3.19.39", "3.19.30", null, null, 17)).isNull();
    assertThat(JooqRuntime.problem("3.19.39", "3.190.1", null, null, 17)).isNotNull();
  }

  @Test
  void aJooqThatCannotLoadOnThisJavaSaysSo() {
    UnsupportedClassVersionError tooNew = new UnsupportedClassVersionError(
        "org/jooq/Constants has been compiled by a more recent version of the Java Runtime"
            + " (class file version 65.0)");
    assertThat(JooqRuntime.problem("3.19.39", null, tooNew, null, 17))
        .startsWith("the jOOQ on the class path cannot run on Java 17 (")
        .contains("class file version 65.0")
        .endsWith("use jOOQ 3.19.39: import dev.appdb:appdb-bom, or under Spring Boot set the"
            + " property jooq.version=3.19.39");
  }
}
