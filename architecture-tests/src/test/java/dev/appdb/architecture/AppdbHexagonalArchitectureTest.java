package dev.appdb.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The module rules of {@code docs/ARCHITECTURE.md} ("Modules"), one rule per field, each field named as the
 * promise it keeps, so that a failure reads like the broken promise.
 *
 * <p>Only production classes are analysed ({@link ImportOption.DoNotIncludeTests}): test code (contract suites,
 * fixtures) may use whatever it needs.
 */
@AnalyzeClasses(packages = "dev.appdb", importOptions = ImportOption.DoNotIncludeTests.class)
class AppdbHexagonalArchitectureTest {

    private static final String DOMAIN = "dev.appdb.domain..";
    private static final String APPLICATION = "dev.appdb.application..";
    private static final String ADAPTERS = "dev.appdb.adapter..";
    private static final String ADAPTER_JOOQ = "dev.appdb.adapter.jooq..";
    private static final String ADAPTER_SQLITE = "dev.appdb.adapter.sqlite..";
    private static final String GENERATED_JOOQ_SCHEMA = "dev.appdb.adapter.jooq.schema..";
    private static final String BOOTSTRAP = "dev.appdb.bootstrap..";
    private static final String MIGRATIONS = "dev.appdb.migrations..";

    /** The JDK's core, the only outside world {@code domain} may see. */
    private static final String[] JDK_CORE = {
        "java.lang..", "java.util..", "java.time..", "java.math..", "java.net.."
    };

    /**
     * The one class outside the JDK core that {@code domain} needs: {@code TimeOrderedUuid} draws the random bits
     * of its UUIDv7 ids from it. Named exactly, so the rest of {@code java.security} stays out.
     */
    private static final DescribedPredicate<JavaClass> SECURE_RANDOM = type(SecureRandom.class);

    private static final DescribedPredicate<JavaClass> WHAT_DOMAIN_MAY_USE =
            resideInAnyPackage(concat(JDK_CORE, DOMAIN)).or(SECURE_RANDOM)
                    .as("are in the JDK core (java.lang, java.util, java.time, java.math, java.net), "
                            + "are java.security.SecureRandom or are in the domain itself");

    private static final DescribedPredicate<JavaClass> WHAT_APPLICATION_MAY_USE =
            resideInAnyPackage(concat(JDK_CORE, DOMAIN, APPLICATION, "org.slf4j..")).or(SECURE_RANDOM)
                    .as("the domain may depend on, are in the application itself or are in the SLF4J API");

    /** Types that belong to an adapter's world and must never show up in a port or use case. */
    private static final DescribedPredicate<JavaClass> ADAPTER_TYPE =
            resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..", "com.zaxxer..", ADAPTERS)
                    .as("an adapter type (jOOQ, java.sql, javax.sql, HikariCP or dev.appdb.adapter)");

    /** Slices per package below dev.appdb, except that the generated jOOQ schema forms a single slice. */
    private static final SliceAssignment PACKAGES_WITH_THE_GENERATED_SCHEMA_AS_ONE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals("dev.appdb.adapter.jooq.schema") || pkg.startsWith("dev.appdb.adapter.jooq.schema.")) {
                return SliceIdentifier.of("dev.appdb.adapter.jooq.schema.. (generated)");
            }
            if (javaClass.getName().equals("dev.appdb.adapter.jooq.kit.InstantBinding")
                    || javaClass.getName().equals("dev.appdb.adapter.jooq.internal.lookup.InstantText")) {
                // the forced type of every generated class: the generated code depends on it, it on nothing
                return SliceIdentifier.of("adapter-jooq's timestamp binding (InstantBinding, InstantText)");
            }
            if (pkg.equals("dev.appdb.adapter.jooq") || pkg.startsWith("dev.appdb.adapter.jooq.")) {
                return SliceIdentifier.of("dev.appdb.adapter.jooq (API, kit, spi and internal)");
            }
            return pkg.startsWith("dev.appdb.") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of dev.appdb (the generated jOOQ schema as one, adapter-jooq's API and internal "
                    + "packages as one)";
        }
    };

    // ---- domain and application: what they may see -------------------------------------------------------

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk_core =
            classes().that().resideInAPackage(DOMAIN)
                    .should().onlyDependOnClassesThat(WHAT_DOMAIN_MAY_USE)
                    .because("the domain is pure Java: entities, value objects, ports and errors that any adapter "
                            + "can implement; java.sql, javax.sql, jOOQ, SLF4J, Flyway and framework annotations "
                            + "belong to the outside (docs/ARCHITECTURE.md, Modules)");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_and_the_jdk_core =
            classes().that().resideInAPackage(APPLICATION)
                    .should().onlyDependOnClassesThat(WHAT_APPLICATION_MAY_USE)
                    .because("use cases and the transaction port see what the domain sees plus the domain itself "
                            + "(and the SLF4J API if really needed); never JDBC, jOOQ, JSON, files or picocli "
                            + "(docs/ARCHITECTURE.md, Modules)");

    // ---- signatures of ports and use cases ---------------------------------------------------------------
    //
    // The two rules above already forbid any dependency of domain/application on an adapter type, and ArchUnit
    // counts a type in a signature (parameter, return type, generic argument, throws clause, field type) as a
    // dependency. The two rules below say the narrower promise on its own, so that when it breaks the message
    // names the offending method or field: "no JDBC or jOOQ type in the API of a port or use case".

    @ArchTest
    static final ArchRule no_adapter_type_appears_in_a_public_signature_of_domain_or_application =
            codeUnits().that().areDeclaredInClassesThat().resideInAnyPackage(DOMAIN, APPLICATION)
                    .and().arePublic()
                    .should(haveNoAdapterTypeInTheirSignature())
                    .because("ports and use cases speak domain types only, so that swapping PostgreSQL for "
                            + "SQLite is a change of configuration, never of code (docs/ARCHITECTURE.md, Modules)");

    @ArchTest
    static final ArchRule no_adapter_type_is_held_in_a_field_of_domain_or_application =
            fields().that().areDeclaredInClassesThat().resideInAnyPackage(DOMAIN, APPLICATION)
                    .should(haveNoAdapterTypeInTheirType())
                    .because("entities, ports and use cases never hold a connection, a DSLContext, a jOOQ record "
                            + "or a pool; the adapters do (docs/ARCHITECTURE.md, Modules)");

    // ---- adapters ----------------------------------------------------------------------------------------

    @ArchTest
    static final ArchRule adapters_never_depend_on_bootstrap =
            noClasses().that().resideInAPackage(ADAPTERS)
                    .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
                    .because("bootstrap is the composition root that wires the adapters; a consumer must be able to "
                            + "use an adapter without bootstrap (docs/ARCHITECTURE.md, Modules)");

    @ArchTest
    static final ArchRule jooq_adapter_never_depends_on_the_sqlite_adapter =
            noClasses().that().resideInAPackage(ADAPTER_JOOQ)
                    .should().dependOnClassesThat().resideInAPackage(ADAPTER_SQLITE)
                    .because("adapter-sqlite builds on adapter-jooq, not the other way round: "
                            + "PostgreSQL users must not carry SQLite along (docs/ARCHITECTURE.md, Modules)");

    @ArchTest
    static final ArchRule generated_jooq_classes_are_used_only_inside_the_adapters =
            classes().that().resideInAPackage(GENERATED_JOOQ_SCHEMA)
                    .should().onlyHaveDependentClassesThat().resideInAnyPackage(ADAPTER_JOOQ, ADAPTER_SQLITE)
                    .because("the generated schema classes are an implementation detail of the jOOQ repositories; "
                            + "nothing above the adapters may see a table or a record (docs/ARCHITECTURE.md, Modules)");

    private static final String ADAPTER_JOOQ_INTERNAL = "dev.appdb.adapter.jooq.internal..";

    /**
     * What the adapters keep to themselves: everything under adapter-jooq's {@code internal}, and adapter-sqlite's
     * provider, public only because ServiceLoader needs it (its dialect is package-private). docs/ARCHITECTURE.md,
     * "The public surface".
     */
    private static final DescribedPredicate<JavaClass> ADAPTER_INTERNALS =
            resideInAPackage(ADAPTER_JOOQ_INTERNAL)
                    .or(type(dev.appdb.adapter.sqlite.SqliteProvider.class))
                    .as("are internal to the adapters (dev.appdb.adapter.jooq.internal.., SqliteProvider, "
                            + "public only for ServiceLoader)");

    @ArchTest
    static final ArchRule code_outside_the_adapters_uses_only_their_api =
            noClasses().that().resideOutsideOfPackage(ADAPTERS)
                    .should().dependOnClassesThat(ADAPTER_INTERNALS)
                    .because("bootstrap is built like a service, on the adapters' API alone; what is internal may "
                            + "change in any release (docs/ARCHITECTURE.md, The public surface)");

    @ArchTest
    static final ArchRule only_adapter_jooq_uses_its_internal_packages =
            noClasses().that().resideOutsideOfPackage(ADAPTER_JOOQ)
                    .should().dependOnClassesThat().resideInAPackage(ADAPTER_JOOQ_INTERNAL)
                    .because("adapter-sqlite builds on adapter-jooq's API and SPI like any other adapter would "
                            + "(docs/ARCHITECTURE.md, The public surface)");

    @ArchTest
    static final ArchRule adapter_jooq_api_never_exposes_an_internal_type =
            codeUnits().that().areDeclaredInClassesThat().resideInAPackage(ADAPTER_JOOQ)
                    .and().areDeclaredInClassesThat().resideOutsideOfPackage(ADAPTER_JOOQ_INTERNAL)
                    .and().areDeclaredInClassesThat().arePublic()
                    .and().arePublic()
                    .should(haveNoInternalTypeInTheirSignature())
                    .because("the public surface of adapter-jooq is its root package, kit and spi: nothing public "
                            + "there may take or return a type a user cannot rely on (docs/ARCHITECTURE.md, "
                            + "The public surface)");

    // ---- migrations --------------------------------------------------------------------------------------

    @ArchTest
    static final ArchRule migrations_never_depend_on_adapters_application_or_bootstrap =
            noClasses().that().resideInAPackage(MIGRATIONS)
                    .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, APPLICATION, BOOTSTRAP)
                    .because("migrations are Flyway SQL plus a small migrator API that bootstrap (or a test) runs "
                            + "before anything else; they know no repository, use case or wiring "
                            + "(docs/ARCHITECTURE.md, Modules)");

    @ArchTest
    static final ArchRule domain_and_application_never_depend_on_migrations_adapters_or_bootstrap =
            noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                    .should().dependOnClassesThat().resideInAnyPackage(MIGRATIONS, ADAPTERS, BOOTSTRAP)
                    .because("dependencies point inwards: adapters, migrations and bootstrap depend on the core, "
                            + "never the core on them (docs/ARCHITECTURE.md, Modules)");

    // ---- cycles ------------------------------------------------------------------------------------------

    // One slice per module. adapter-jooq and adapter-sqlite share the slice "adapter" here; a cycle between the
    // two is impossible anyway, because jooq_adapter_never_depends_on_the_sqlite_adapter forbids the way back.
    @ArchTest
    static final ArchRule no_module_depends_on_itself_through_a_cycle =
            slices().matching("dev.appdb.(*)..").namingSlices("module $1")
                    .should().beFreeOfCycles()
                    .because("no package cycles anywhere: the modules form the layering of docs/ARCHITECTURE.md "
                            + "(domain <- application <- adapters <- bootstrap -> migrations) with no way back");

    // The finer promise, one slice per package. The generated jOOQ schema counts as one package: jOOQ's code
    // generator itself links schema, schema.tables and schema.tables.records both ways, and that code is not
    // ours to reshape. adapter-jooq's API packages and its internal ones count as one too: the API opens
    // databases built by the internals, which implement the API's types (jOOQ's org.jooq and org.jooq.impl
    // are alike); the internal packages among themselves are checked by the next rule.
    @ArchTest
    static final ArchRule no_package_depends_on_itself_through_a_cycle =
            slices().assignedFrom(PACKAGES_WITH_THE_GENERATED_SCHEMA_AS_ONE)
                    .should().beFreeOfCycles()
                    .because("no package cycles anywhere: every package can be understood, tested and moved "
                            + "without dragging the rest along (docs/ARCHITECTURE.md, Modules)");

    @ArchTest
    static final ArchRule no_internal_package_of_adapter_jooq_depends_on_itself_through_a_cycle =
            slices().matching("dev.appdb.adapter.jooq.internal.(*)..").namingSlices("internal.$1")
                    .should().beFreeOfCycles()
                    .because("each internal package of adapter-jooq (transaction, postgres, repository, lookup, "
                            + "pool) can be read on its own (docs/ARCHITECTURE.md, The public surface)");

    // ---- helpers -----------------------------------------------------------------------------------------

    private static ArchCondition<JavaCodeUnit> haveNoInternalTypeInTheirSignature() {
        return new ArchCondition<>("have no type of dev.appdb.adapter.jooq.internal in their parameters, return "
                + "type, type parameters or throws clause") {
            @Override
            public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
                Set<JavaClass> involved = new LinkedHashSet<>(codeUnit.getAllInvolvedRawTypes());
                involved.addAll(codeUnit.getExceptionTypes());
                Set<String> offending = involved.stream()
                        .map(JavaClass::getBaseComponentType)
                        .filter(resideInAPackage(ADAPTER_JOOQ_INTERNAL))
                        .map(JavaClass::getName)
                        .collect(Collectors.toCollection(TreeSet::new));
                events.add(new SimpleConditionEvent(codeUnit, offending.isEmpty(), codeUnit.getFullName()
                        + (offending.isEmpty() ? " exposes no internal type" : " exposes " + offending)));
            }
        };
    }

    private static ArchCondition<JavaCodeUnit> haveNoAdapterTypeInTheirSignature() {
        return new ArchCondition<>("have no adapter type (jOOQ, java.sql, javax.sql, HikariCP, dev.appdb.adapter) "
                + "in their parameters, return type, type parameters or throws clause") {
            @Override
            public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
                Set<JavaClass> involved = new LinkedHashSet<>(codeUnit.getAllInvolvedRawTypes());
                involved.addAll(codeUnit.getExceptionTypes());
                report(codeUnit.getFullName(), codeUnit, involved, events, "signature");
            }
        };
    }

    private static ArchCondition<JavaField> haveNoAdapterTypeInTheirType() {
        return new ArchCondition<>("have no adapter type (jOOQ, java.sql, javax.sql, HikariCP, dev.appdb.adapter) "
                + "in their type") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                report(field.getFullName(), field, field.getType().getAllInvolvedRawTypes(), events, "type");
            }
        };
    }

    private static void report(String fullName, Object item, Collection<JavaClass> involved,
            ConditionEvents events, String what) {
        Set<String> offending = involved.stream()
                .map(JavaClass::getBaseComponentType)
                .filter(ADAPTER_TYPE)
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        boolean violated = !offending.isEmpty();
        String message = violated
                ? fullName + " has adapter type(s) " + offending + " in its " + what
                : fullName + " has no adapter type in its " + what;
        events.add(new SimpleConditionEvent(item, !violated, message));
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
