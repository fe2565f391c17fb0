package dev.appdb.adapter.jooq.codegen;

import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.migrations.Migrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
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

  /**
   * jOOQ 3.19 writes this on JDK 17 and adds {@code "this-escape"} on JDK 21 and later (it asks
   * the running JVM); javac 17 ignores the unknown name, so the later form is written always and
   * the files are the same on every JDK.
   */
  private static final String SUPPRESS_JDK17 =
      "@SuppressWarnings({ \"all\", \"unchecked\", \"rawtypes\" })";
  private static final String SUPPRESS_ANY_JDK =
      "@SuppressWarnings({ \"all\", \"unchecked\", \"rawtypes\", \"this-escape\" })";

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
    sameOnEveryJdk(directory.resolve(PACKAGE.replace('.', '/')));
  }

  private static void sameOnEveryJdk(Path generated) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(generated)) {
      files = walk.filter(file -> file.toString().endsWith(".java")).toList();
    }
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.contains(SUPPRESS_JDK17)) {
        Files.writeString(file, text.replace(SUPPRESS_JDK17, SUPPRESS_ANY_JDK),
            StandardCharsets.UTF_8);
      }
    }
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
