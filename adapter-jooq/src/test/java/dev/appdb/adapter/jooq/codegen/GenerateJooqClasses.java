package dev.appdb.adapter.jooq.codegen;

import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.migrations.Migrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes of {@code adapter-jooq} from the real, migrated PostgreSQL schema:
 * starts an embedded PostgreSQL 16, applies the Flyway migrations, then runs jOOQ's generator on
 * schema {@code app} ({@code flyway_schema_history} excluded). No Docker, no configuration.
 *
 * <p>Run with {@code ./mvnw -pl adapter-jooq -am -Pjooq-codegen process-test-classes}; the
 * argument is the output folder. {@code PostgresCodegenDriftTest} runs the same
 * generation into a temporary folder and fails when the committed classes differ.
 */
public final class GenerateJooqClasses {

  /** The package of the generated classes. */
  public static final String PACKAGE = "dev.appdb.adapter.jooq.schema";

  private GenerateJooqClasses() {}

  /**
   * @param args one argument: the source folder to (re)write, e.g. {@code src/main/generated}
   * @throws Exception when PostgreSQL, Flyway or the generator fail
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: GenerateJooqClasses <output source folder>");
    }
    generate(Path.of(args[0]));
  }

  /**
   * @param directory the source folder; {@link #PACKAGE}'s folder inside it is replaced
   * @throws Exception when PostgreSQL, Flyway or the generator fail
   */
  public static void generate(Path directory) throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      new Migrator(postgres.getPostgresDatabase(), DatabaseVendor.POSTGRESQL).migrate();
      try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
        generate(directory, connection);
      }
    }
  }

  /**
   * @param directory the source folder; {@link #PACKAGE}'s folder inside it is replaced
   * @param migrated a connection to a PostgreSQL database the migrations were applied to
   * @throws Exception when the generator fails
   */
  public static void generate(Path directory, Connection migrated) throws Exception {
    GenerationTool tool = new GenerationTool();
    tool.setConnection(migrated);
    tool.run(configuration(directory));
  }

  private static Configuration configuration(Path directory) {
    return new Configuration().withGenerator(new Generator()
        .withName("org.jooq.codegen.JavaGenerator")
        .withDatabase(new Database()
            .withName("org.jooq.meta.postgres.PostgresDatabase")
            .withInputSchema(Migrator.POSTGRESQL_SCHEMA)
            .withExcludes("flyway_schema_history")
            .withIncludeIndexes(true)
            .withForcedTypes(new ForcedType()
                .withUserType("java.time.Instant")
                .withBinding("dev.appdb.adapter.jooq.binding.InstantBinding")
                .withIncludeTypes("(?i:timestamp\\ with\\ time\\ zone)")))
        .withGenerate(new Generate()
            .withJavaTimeTypes(true)
            .withGeneratedAnnotation(false)
            .withRecords(true)
            .withPojos(false)
            .withDaos(false)
            .withRoutines(false)
            .withSequences(false)
            .withComments(true))
        .withTarget(new Target()
            .withPackageName(PACKAGE)
            .withDirectory(directory.toAbsolutePath().toString())
            .withClean(true)));
  }
}
