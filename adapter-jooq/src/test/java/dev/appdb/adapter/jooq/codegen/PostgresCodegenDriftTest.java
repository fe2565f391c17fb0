package dev.appdb.adapter.jooq.codegen;

import dev.appdb.testing.codegen.JooqCodegen;
import dev.appdb.testing.codegen.JooqCodegenDriftCheck;

/**
 * appdb's own drift check, on the base a service extends: the committed classes in
 * {@code src/main/generated} are exactly what the migrated schema generates.
 */
class PostgresCodegenDriftTest extends JooqCodegenDriftCheck {

  @Override
  protected JooqCodegen codegen() {
    return GenerateJooqClasses.APPDB;
  }

  @Override
  protected String regenerateHint() {
    return "./mvnw -B -pl adapter-jooq -am -Pjooq-codegen process-test-classes";
  }
}
