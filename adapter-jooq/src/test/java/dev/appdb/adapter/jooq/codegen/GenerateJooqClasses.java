package dev.appdb.adapter.jooq.codegen;

import dev.appdb.testing.codegen.JooqCodegen;
import java.nio.file.Path;

/**
 * Generates the jOOQ classes of {@code adapter-jooq} from the real, migrated PostgreSQL schema
 * with the same {@link JooqCodegen} a service uses, appdb's own tables included. Run with
 * {@code ./mvnw -pl adapter-jooq -am -Pjooq-codegen process-test-classes}; the argument is the
 * output folder. {@code PostgresCodegenDriftTest} fails when the committed classes differ.
 */
public final class GenerateJooqClasses {

  /** appdb's generator: package {@code dev.appdb.adapter.jooq.schema}, appdb's tables. */
  static final JooqCodegen APPDB = JooqCodegen.forPackage("dev.appdb.adapter.jooq.schema")
      .withAppdbTables();

  private GenerateJooqClasses() {}

  /**
   * @param args one argument: the source folder to (re)write, e.g. {@code src/main/generated}
   * @throws Exception when PostgreSQL, Flyway or the generator fail
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: GenerateJooqClasses <output source folder>");
    }
    APPDB.generate(Path.of(args[0]));
  }
}
