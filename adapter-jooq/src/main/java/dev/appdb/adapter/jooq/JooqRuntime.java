package dev.appdb.adapter.jooq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Checks, once per JVM and before anything else touches jOOQ, that the jOOQ on the class path is
 * the one appdb was built and tested with (same major and minor version). A dependency manager
 * that picks another (Spring Boot 4.1 manages jOOQ 3.21, whose classes need Java 21) otherwise
 * fails deep inside the first statement, or with an {@code UnsupportedClassVersionError}; this
 * says so at start, with the fix. {@code -Dappdb.jooq.accept=<version>} accepts one other
 * version at the caller's risk.
 */
final class JooqRuntime {

  /** The system property that accepts one untested jOOQ version. */
  static final String ACCEPT_PROPERTY = "appdb.jooq.accept";

  private static volatile boolean checked;

  private JooqRuntime() {}

  /**
   * @throws IllegalStateException naming both versions and the fix when the jOOQ on the class
   *     path cannot load on this Java or is not the tested major and minor version
   */
  static void requireTested() {
    if (checked) {
      return;
    }
    String found = null;
    LinkageError loadFailure = null;
    try {
      // read reflectively: the constant would otherwise be appdb's compile-time copy
      found = String.valueOf(Class.forName("org.jooq.Constants", true,
          JooqRuntime.class.getClassLoader()).getField("VERSION").get(null));
    } catch (LinkageError e) {
      loadFailure = e;
    } catch (ReflectiveOperationException e) {
      found = null; // a jOOQ without the constant: nothing to compare, let it run
    }
    String problem = problem(tested(), found, loadFailure, System.getProperty(ACCEPT_PROPERTY),
        Runtime.version().feature());
    if (problem != null) {
      throw new IllegalStateException(problem, loadFailure);
    }
    checked = true;
  }

  /**
   * @param tested the version appdb was built with, e.g. {@code 3.19.39}
   * @param found the version on the class path, or null when unknown
   * @param loadFailure why jOOQ could not be loaded, or null
   * @param accepted the version accepted by {@value #ACCEPT_PROPERTY}, or null
   * @param java the running Java's feature version, e.g. 17
   * @return what is wrong, for the error, or null when nothing is
   */
  static String problem(String tested, String found, Throwable loadFailure, String accepted,
      int java) {
    String fix = "; use jOOQ " + tested + ": import dev.appdb:appdb-bom, or under Spring Boot set"
        + " the property jooq.version=" + tested;
    if (loadFailure != null) {
      return "the jOOQ on the class path cannot run on Java " + java + " (" + loadFailure
          + "): appdb is built and tested with jOOQ " + tested + fix;
    }
    if (found == null || minor(found).equals(minor(tested)) || found.equals(accepted)) {
      return null;
    }
    return "jOOQ " + found + " is on the class path, but appdb is built and tested with jOOQ "
        + tested + fix + " (or accept this version at your own risk with -D" + ACCEPT_PROPERTY
        + "=" + found + ")";
  }

  private static String minor(String version) {
    int first = version.indexOf('.');
    int second = first < 0 ? -1 : version.indexOf('.', first + 1);
    return second < 0 ? version : version.substring(0, second);
  }

  private static String tested() {
    Properties build = new Properties();
    try (InputStream in = JooqRuntime.class.getResourceAsStream("appdb-build.properties")) {
      if (in == null) {
        throw new IllegalStateException("appdb-build.properties is missing from appdb's jar");
      }
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build.getProperty("jooq.version");
  }
}
