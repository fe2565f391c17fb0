package dev.appdb.bootstrap.cli;

import dev.appdb.application.importing.ImportListener;
import dev.appdb.application.importing.ImportReport;
import dev.appdb.bootstrap.cli.output.Output;
import dev.appdb.bootstrap.keycloak.RealmExportReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code appdb import-realm FILE}: import the users of a Keycloak realm export (or users file),
 * streaming, in batches, idempotently; prints created / linked / unchanged / rejected counts and
 * every rejection with its reason. On a terminal, a progress line on stderr (see
 * {@link ImportProgress}); Ctrl-C prints what was committed.
 */
@Command(name = "import-realm",
    description = "Import users and their federated identities from a Keycloak realm export.")
public final class ImportRealmCommand extends AppdbSubcommand {

  @Parameters(paramLabel = "FILE", description = "realm export, users file, or JSON array of users")
  Path file;

  @Option(names = "--issuer", paramLabel = "ISS",
      description = "issuer of the realm's own identities, e.g. https://kc.example.com/realms/demo"
          + " (default: keycloak:<realm>)")
  String issuer;

  @Option(names = "--trust-emails",
      description = "treat every email in the file as verified (by default only emails with"
          + " emailVerified=true are imported; unverified ones are dropped)")
  boolean trustEmails;

  @Override
  public Integer call() {
    Output output = output();
    PrintWriter err = root().err();
    AtomicReference<ImportReport> committed = new AtomicReference<>(new ImportReport(0, 0, 0, 0));
    boolean json = root().json;
    AtomicBoolean finished = new AtomicBoolean();
    // Ctrl-C (or kill) during the import: say what was committed, in the output's own format
    Thread summary = new Thread(() -> {
      if (!finished.get()) {
        ImportReport soFar = committed.get();
        if (json) {
          err.printf("{\"interrupted\":{\"created\":%d,\"linked\":%d,\"unchanged\":%d,"
              + "\"rejected\":%d}}%n", soFar.created(), soFar.linked(), soFar.unchanged(),
              soFar.rejected());
        } else {
          err.printf("%nimport interrupted; committed: %s (running it again finishes it)%n",
              counts(soFar));
        }
        err.flush();
      }
    }, "appdb-import-summary");
    Runtime.getRuntime().addShutdownHook(summary);
    ImportReport report;
    try (RealmExportReader reader = RealmExportReader.open(file, issuer, trustEmails);
        ImportProgress progress = root().interactive() ? progress(reader, err) : null) {
      ImportListener listener = new ImportListener() {
        @Override
        public void rejected(String key, String reason) {
          output.rejected(key, reason);
        }

        @Override
        public void committed(ImportReport soFar) {
          committed.set(soFar);
          if (progress != null) {
            progress.committed(soFar);
          }
        }
      };
      report = appdb().importUsers().importUsers(reader, listener);
      if (progress != null) {
        progress.finished();
      }
    } catch (RuntimeException stopped) {
      ImportReport soFar = committed.get();
      if (!json && soFar.total() > 0) { // --json: the error is the one JSON line on stderr
        err.printf("import stopped; committed before: %s (running it again finishes it)%n",
            counts(soFar));
      }
      throw stopped;
    } finally {
      finished.set(true);
      try {
        Runtime.getRuntime().removeShutdownHook(summary);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or ran
      }
    }
    output.imported(report);
    return ExitCodes.OK;
  }

  private ImportProgress progress(RealmExportReader reader, PrintWriter err) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return null; // it was just opened; without a size there is no bar, the import goes on
    }
    return new ImportProgress(size, reader::bytesRead, err, 0);
  }

  private static String counts(ImportReport report) {
    return report.created() + " created, " + report.linked() + " linked, " + report.unchanged()
        + " unchanged, " + report.rejected() + " rejected";
  }
}
