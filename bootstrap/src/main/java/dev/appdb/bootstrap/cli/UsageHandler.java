package dev.appdb.bootstrap.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Bad usage: one line naming the problem, a hint to {@code --help}, exit code 2. */
final class UsageHandler implements IParameterExceptionHandler {

  private final AppdbCommand root;

  UsageHandler(AppdbCommand root) {
    this.root = root;
  }

  @Override
  public int handleParseException(ParameterException failure, String[] args) {
    String command = failure.getCommandLine().getCommandSpec().qualifiedName();
    root.output().error("UsageException",
        failure.getMessage() + " (see '" + command + " --help')");
    return ExitCodes.USAGE;
  }
}
