package dev.appdb.testing.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A throwaway certificate authority made at test time with the JDK's own {@code keytool} (no
 * OpenSSL, no key material in the repository), valid two days, and the certificates it issues:
 * a server's (PEM certificate and PKCS#8 key, as PostgreSQL reads them) and a client's (a
 * PKCS#12 store protected by a password, as pgjdbc's {@code sslkey} reads it).
 *
 * <p>Every file lives in the folder given to {@link #create}; private keys are mode 0600.
 */
public final class TestCertificateAuthority {

  /** The alias pgjdbc's PKCS#12 key manager reads a client key and chain from. */
  public static final String PGJDBC_CLIENT_ALIAS = "user";

  private static final String STORE_PASSWORD = "test-ca-store";

  private final Path folder;
  private final Path store;
  private final Path certificate;

  private TestCertificateAuthority(Path folder, Path store, Path certificate) {
    this.folder = folder;
    this.store = store;
    this.certificate = certificate;
  }

  /**
   * A PEM certificate and its private key.
   *
   * @param certificate PEM certificate file
   * @param privateKey PEM PKCS#8 private key file, mode 0600
   */
  public record PemPair(Path certificate, Path privateKey) {}

  /**
   * Makes a new authority.
   *
   * @param folder where its files go, an existing writable folder
   * @param commonName the authority's CN, e.g. {@code appdb test CA}
   * @return the authority
   * @throws UncheckedIOException when keytool fails (its output in the message)
   */
  public static TestCertificateAuthority create(Path folder, String commonName) {
    String alias = "ca";
    Path store = folder.resolve(safe(commonName) + ".p12");
    Path certificate = folder.resolve(safe(commonName) + ".crt");
    keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "2", "-dname", "CN=" + commonName, "-ext", "bc:c",
        "-ext", "ku:c=keyCertSign,cRLSign", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(),
        "-storepass", STORE_PASSWORD, "-file", certificate.toString());
    return new TestCertificateAuthority(folder, store, certificate);
  }

  /** @return the authority's PEM certificate: the {@code sslrootcert} and {@code ssl_ca_file} */
  public Path certificate() {
    return certificate;
  }

  /**
   * Issues a server certificate.
   *
   * @param name file name stem, e.g. {@code server}
   * @param dnsName the host name it is issued to, e.g. {@code localhost}; also its CN
   * @param ipAddresses addresses it is issued to besides, e.g. {@code 127.0.0.1}
   * @return the PEM certificate and key
   * @throws UncheckedIOException when keytool fails
   */
  public PemPair issueServer(String name, String dnsName, String... ipAddresses) {
    StringBuilder san = new StringBuilder("SAN=dns:").append(dnsName);
    for (String ip : ipAddresses) {
      san.append(",ip:").append(ip);
    }
    Path keyStore = issue(name, "server", dnsName, STORE_PASSWORD, san.toString(), "serverAuth");
    Path certificateFile = folder.resolve(name + ".crt");
    Path keyFile = folder.resolve(name + ".key");
    try {
      KeyStore loaded = load(keyStore, STORE_PASSWORD);
      Files.writeString(certificateFile,
          pem("CERTIFICATE", loaded.getCertificate("server").getEncoded()));
      PrivateKey key = (PrivateKey) loaded.getKey("server", STORE_PASSWORD.toCharArray());
      Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the key store " + keyStore, e);
    }
    return new PemPair(certificateFile, keyFile);
  }

  /**
   * Issues a client certificate in a PKCS#12 store under {@link #PGJDBC_CLIENT_ALIAS}, with the
   * chain up to this authority, as pgjdbc's {@code sslkey=...p12} with {@code sslpassword}
   * reads it.
   *
   * @param name file name stem, e.g. {@code client}
   * @param commonName the certificate's CN: the database role it proves for
   *     {@code clientcert=verify-full}
   * @param password the store's and key's password, at least 6 characters
   * @return the {@code .p12} file, mode 0600
   * @throws UncheckedIOException when keytool fails
   */
  public Path issueClient(String name, String commonName, String password) {
    return issue(name, PGJDBC_CLIENT_ALIAS, commonName, password, null, "clientAuth");
  }

  private Path issue(String name, String alias, String commonName, String password, String san,
      String usage) {
    Objects.requireNonNull(password, "password");
    Path keyStore = folder.resolve(name + ".p12");
    Path request = folder.resolve(name + ".csr");
    Path signed = folder.resolve(name + ".signed.crt");
    keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "2", "-dname", "CN=" + commonName, "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
    keytool("-certreq", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", password,
        "-file", request.toString());
    List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca",
        "-keystore", store.toString(), "-storepass", STORE_PASSWORD, "-validity", "2",
        "-infile", request.toString(), "-outfile", signed.toString(),
        "-ext", "ku:c=digitalSignature,keyEncipherment", "-ext", "eku=" + usage));
    if (san != null) {
      sign.addAll(List.of("-ext", san));
    }
    keytool(sign.toArray(String[]::new));
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", certificate.toString(),
        "-keystore", keyStore.toString(), "-storepass", password);
    keytool("-importcert", "-noprompt", "-alias", alias, "-file", signed.toString(),
        "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
    try {
      Files.setPosixFilePermissions(keyStore, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keyStore;
  }

  private static KeyStore load(Path file, String password)
      throws IOException, GeneralSecurityException {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keyStore.load(in, password.toCharArray());
    }
    return keyStore;
  }

  private static void keytool(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IOException("keytool " + arguments[0] + " failed: " + output.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9_-]", "-");
  }
}
