package dev.appdb.testing.codegen;

import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.migrations.MigrationSet;
import dev.appdb.migrations.Migrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Target;

/**
 * Generates jOOQ classes from the real, migrated PostgreSQL schema, the way appdb generates its
 * own: an empty PostgreSQL 16 (embedded, no Docker), appdb's migrations, then the service's sets,
 * then jOOQ's generator on schema {@code app} for the service's tables only (appdb's tables and
 * every Flyway history table excluded). {@code timestamp with time zone} columns map to
 * {@link java.time.Instant} through appdb's binding, as the repository kit expects. The output is
 * byte-identical on JDK 17, 21 and 25.
 *
 * <p>From a service's {@code pom.xml} (exec-maven-plugin, test class path):
 * <pre>{@code
 * <mainClass>dev.appdb.testing.codegen.JooqCodegen</mainClass>
 * <arguments>
 *   <argument>${project.basedir}/src/main/generated</argument>   <!-- output folder -->
 *   <argument>com.example.orders.schema</argument>              <!-- package -->
 *   <argument>orders=filesystem:${project.basedir}/src/main/resources/orders/db/postgresql</argument>
 *   <!-- set=location, in order; filesystem: since resources are not on the class path yet -->
 * </arguments>
 * }</pre>
 * Immutable; the {@code with...} methods return copies.
 */
public final class JooqCodegen {

  /**
   * jOOQ 3.19 writes this on JDK 17 and adds {@code "this-escape"} on JDK 21 and later (it asks
   * the running JVM); javac 17 ignores the unknown name, so the later form is written always.
   */
  private static final String SUPPRESS_JDK17 =
      "@SuppressWarnings({ \"all\", \"unchecked\", \"rawtypes\" })";
  private static final String SUPPRESS_ANY_JDK =
      "@SuppressWarnings({ \"all\", \"unchecked\", \"rawtypes\", \"this-escape\" })";
  private static final Pattern PACKAGE =
      Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  private final String packageName;
  private final List<MigrationSet> serviceSets;
  private final boolean appdbTables;

  private JooqCodegen(String packageName, List<MigrationSet> serviceSets, boolean appdbTables) {
    this.packageName = packageName;
    this.serviceSets = List.copyOf(serviceSets);
    this.appdbTables = appdbTables;
  }

  /**
   * @param packageName the generated classes' package, e.g. {@code com.example.orders.schema}
   * @return a generator for no service sets yet (add them with {@link #withMigrations})
   * @throws IllegalArgumentException when the name is not a lower-case Java package name
   */
  public static JooqCodegen forPackage(String packageName) {
    if (packageName == null || !PACKAGE.matcher(packageName).matches()) {
      throw new IllegalArgumentException("packageName must be a lower-case Java package name,"
          + " was " + (packageName == null ? "missing" : "'" + packageName + "'"));
    }
    return new JooqCodegen(packageName, List.of(), false);
  }

  /**
   * @param sets the service's migration sets, applied after appdb's in this order
   * @return a copy that applies them and generates their tables
   */
  public JooqCodegen withMigrations(List<MigrationSet> sets) {
    return new JooqCodegen(packageName, sets, appdbTables);
  }

  /**
   * @return a copy that also generates appdb's own tables (what appdb itself does; a service
   *     never needs it: appdb's tables are its own business)
   */
  public JooqCodegen withAppdbTables() {
    return new JooqCodegen(packageName, serviceSets, true);
  }

  /** @return the generated classes' package, e.g. {@code com.example.orders.schema} */
  public String packageName() {
    return packageName;
  }

  /**
   * Starts an embedded PostgreSQL 16, migrates it and generates into {@code directory}.
   *
   * @param directory the source folder, e.g. {@code src/main/generated}; the package's folder
   *     inside it is replaced, nothing else is touched
   * @throws Exception when PostgreSQL cannot start, a migration or the generator fails
   */
  public void generate(Path directory) throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      generate(directory, postgres.getPostgresDatabase());
    }
  }

  /**
   * Migrates an empty database and generates into {@code directory}.
   *
   * @param directory the source folder; the package's folder inside it is replaced
   * @param emptyDatabase an empty PostgreSQL database (no schema {@code app} yet), with DDL
   *     rights
   * @throws IllegalStateException when the database already has tables in schema {@code app}
   * @throws Exception when a migration or the generator fails
   */
  public void generate(Path directory, DataSource emptyDatabase) throws Exception {
    Objects.requireNonNull(directory, "directory");
    if (!tables(emptyDatabase).isEmpty()) {
      throw new IllegalStateException("the database for code generation must be empty; schema "
          + Migrator.POSTGRESQL_SCHEMA + " has tables " + tables(emptyDatabase));
    }
    new Migrator(emptyDatabase, DatabaseVendor.POSTGRESQL).migrate();
    Set<String> excluded = new LinkedHashSet<>();
    if (!appdbTables) {
      excluded.addAll(tables(emptyDatabase));
    }
    excluded.add(MigrationSet.APPDB.historyTable());
    List<MigrationSet> sets = new ArrayList<>();
    sets.add(MigrationSet.APPDB);
    sets.addAll(serviceSets);
    new Migrator(emptyDatabase, DatabaseVendor.POSTGRESQL, sets).migrate();
    serviceSets.forEach(set -> excluded.add(set.historyTable()));
    try (Connection connection = emptyDatabase.getConnection()) {
      GenerationTool tool = new GenerationTool();
      tool.setConnection(connection);
      tool.run(configuration(directory, excluded));
    }
    sameOnEveryJdk(directory.resolve(packageName.replace('.', '/')));
  }

  /**
   * @param args the output folder, the package, then {@code name=postgresqlLocation} per service
   *     set in the order to apply them (e.g.
   *     {@code orders=filesystem:src/main/resources/orders/db/postgresql}; a {@code classpath:}
   *     location only once the resources are on the class path)
   * @throws IllegalArgumentException when the arguments are not of that shape
   * @throws Exception when PostgreSQL, a migration or the generator fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: JooqCodegen <output folder> <package>"
          + " [<set name>=<PostgreSQL location> ...]");
    }
    List<MigrationSet> sets = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("a migration set is <name>=<PostgreSQL location>, was '"
            + args[i] + "'");
      }
      String location = args[i].substring(equals + 1);
      sets.add(MigrationSet.of(args[i].substring(0, equals), location, location));
    }
    forPackage(args[1]).withMigrations(sets).generate(Path.of(args[0]));
  }

  private static List<String> tables(DataSource database) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT table_name FROM"
            + " information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
      query.setString(1, Migrator.POSTGRESQL_SCHEMA);
      List<String> names = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      return names;
    }
  }

  private static void sameOnEveryJdk(Path generated) throws IOException {
    if (!Files.isDirectory(generated)) {
      return;
    }
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

  private Configuration configuration(Path directory, Set<String> excluded) {
    String excludes = excluded.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    return new Configuration().withGenerator(new Generator()
        .withName("org.jooq.codegen.JavaGenerator")
        .withDatabase(new Database()
            .withName("org.jooq.meta.postgres.PostgresDatabase")
            .withInputSchema(Migrator.POSTGRESQL_SCHEMA)
            .withExcludes(excludes)
            .withIncludeIndexes(true)
            .withForcedTypes(new ForcedType()
                .withUserType("java.time.Instant")
                .withBinding("dev.appdb.adapter.jooq.kit.InstantBinding")
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
            .withPackageName(packageName)
            .withDirectory(directory.toAbsolutePath().toString())
            .withClean(true)));
  }
}
