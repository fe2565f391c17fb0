package dev.appdb.bootstrap.config;

import dev.appdb.adapter.jooq.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a secret from a file, as mounted secrets (Kubernetes, Docker) provide them: UTF-8, one
 * trailing newline ({@code \n} or {@code \r\n}) dropped, nothing else changed. A file that group
 * or others may read or write is warned about, by path, never by content.
 */
final class Secrets {

  private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);

  private static final Set<PosixFilePermission> BEYOND_OWNER = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  private Secrets() {}

  /**
   * @param file the secret file
   * @param setting the setting that named it, for messages
   * @return its content without one trailing newline
   * @throws ConfigurationException naming the setting and the path when it cannot be read or is
   *     empty; a path that is not absolute in an existing folder is not shown (it may be the
   *     secret itself)
   */
  static String read(String file, Setting setting) {
    return read(file, setting.label());
  }

  /**
   * @param file the secret file's name as configured
   * @param label the key that named it, for messages
   * @return its content without one trailing newline
   * @throws ConfigurationException as {@link #read(Path, String)}; a name that is no valid path
   *     is not shown, nor kept in a cause (it may be the secret itself)
   */
  static String read(String file, String label) {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException invalid) {
      throw new ConfigurationException(label + ": the value is not a file name (not shown: it"
          + " may be the secret itself set by mistake)");
    }
    return read(path, label);
  }

  /**
   * @param file the secret file
   * @param label the key that named it, for messages, e.g. {@code databases.temporal.password-file}
   * @return its content without one trailing newline
   * @throws ConfigurationException naming the key and the path when it cannot be read or is
   *     empty
   */
  static String read(Path file, String label) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // the cause names the path: kept only where the path is shown
      throw new ConfigurationException(label + ": cannot read " + shown(file) + " ("
          + e.getClass().getSimpleName() + ")", mayShow(file) ? e : null);
    }
    String secret = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
        : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    if (secret.isEmpty()) {
      throw new ConfigurationException(label + ": " + shown(file) + " is empty");
    }
    warnWhenShared(file, label);
    return secret;
  }

  /**
   * The file's name for an error, or a placeholder when the value may be the secret itself set by
   * mistake ({@code DATABASE_PASSWORD_FILE=hunter2}): a name is shown only when it is absolute and
   * its folder exists, as every mounted secret's is.
   */
  private static String shown(Path file) {
    return mayShow(file) ? file.toString()
        : "the file it names (not shown: the name is not an absolute path in an existing folder,"
            + " and may be the secret itself set by mistake)";
  }

  private static boolean mayShow(Path file) {
    Path folder = file.getParent();
    return file.isAbsolute() && folder != null && Files.isDirectory(folder);
  }

  private static void warnWhenShared(Path file, String label) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.stream().anyMatch(BEYOND_OWNER::contains)) {
        LOG.atWarn().setMessage("a secret file is readable or writable beyond its owner;"
                + " make it 0400 or 0600")
            .addKeyValue("setting", label).addKeyValue("file", file.toString())
            .addKeyValue("mode", PosixFilePermissions.toString(permissions)).log();
      }
    } catch (UnsupportedOperationException | IOException notPosix) {
      // no POSIX permissions to check (Windows); nothing to warn about
    }
  }
}
