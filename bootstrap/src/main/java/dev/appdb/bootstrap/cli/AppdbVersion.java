package dev.appdb.bootstrap.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code appdb --version}: the version written into the executable jar's manifest. */
public final class AppdbVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = AppdbVersion.class.getPackage().getImplementationVersion();
    return new String[] {"appdb " + (version == null ? "(development build)" : version),
        "Java " + Runtime.version()};
  }
}
