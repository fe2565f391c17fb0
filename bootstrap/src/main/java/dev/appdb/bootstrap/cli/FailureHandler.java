package dev.appdb.bootstrap.cli;

import dev.appdb.bootstrap.config.ConfigurationException;
import dev.appdb.bootstrap.keycloak.ImportFileException;
import dev.appdb.bootstrap.oidc.ClaimsException;
import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.InfrastructureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a subcommand threw into one line on stderr and an {@link ExitCodes exit code}. The
 * stack trace is printed only with {@code --verbose}. Messages never carry passwords: domain and
 * configuration errors are built without them.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  private final AppdbCommand root;

  FailureHandler(AppdbCommand root) {
    this.root = root;
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
    int exit = exitCode(failure);
    String message = exit == ExitCodes.INTERNAL
        ? "unexpected " + failure.getClass().getName() + ": " + failure.getMessage()
        : failure.getMessage();
    root.output().error(failure.getClass().getSimpleName(), oneLine(message));
    if (root.verbose) {
      failure.printStackTrace(root.err());
    }
    return exit;
  }

  private static int exitCode(Exception failure) {
    if (failure instanceof InfrastructureException) {
      return ExitCodes.DATABASE;
    }
    if (failure instanceof AppdbException) {
      return ExitCodes.REFUSED;
    }
    if (failure instanceof ConfigurationException || failure instanceof ImportFileException
        || failure instanceof ClaimsException || failure instanceof IOException
        || failure instanceof UncheckedIOException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.INTERNAL;
  }

  private static String oneLine(String message) {
    return message == null ? "(no message)" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
