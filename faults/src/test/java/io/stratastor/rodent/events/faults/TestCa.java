package io.stratastor.rodent.events.faults;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority made at test time with the JDK's {@code keytool}: a CA, and
 * certificates it signs, written as PEM files (certificate chain, PKCS#8 key) the way the reference
 * Toggle and the core read them. Not thread-safe; one per test.
 */
final class TestCa {
    private static final String PASSWORD = "test-only";
    private final Path dir;

    private TestCa(Path dir) {
        this.dir = dir;
    }

    /** A new CA in {@code dir}; its certificate is {@link #caPem()}. */
    static TestCa create(Path dir, String name) throws Exception {
        TestCa ca = new TestCa(dir);
        ca.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        ca.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-file", "ca.pem");
        return ca;
    }

    Path caPem() {
        return dir.resolve("ca.pem");
    }

    /** Issues a certificate for {@code name} valid for 127.0.0.1 and localhost; returns {chain.pem, key.pem}. */
    Path[] issue(String name) throws Exception {
        return issue(name, "ip:127.0.0.1,dns:localhost");
    }

    /** Issues a certificate for {@code name} valid for the subject alternative names {@code san} (keytool's form). */
    Path[] issue(String name, String san) throws Exception {
        String store = name + ".p12";
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "2", "-keystore", store, "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-certreq", "-alias", name, "-keystore", store, "-storepass", PASSWORD, "-file", name + ".csr");
        keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-infile", name + ".csr",
                "-outfile", name + ".crt", "-rfc", "-validity", "2", "-ext", "san=" + san);
        Path chain = dir.resolve(name + "-chain.pem");
        Files.writeString(chain, Files.readString(dir.resolve(name + ".crt")) + Files.readString(caPem()));
        Path key = dir.resolve(name + "-key.pem");
        Files.writeString(key, pkcs8Pem(dir.resolve(store), name));
        return new Path[] {chain, key};
    }

    private static String pkcs8Pem(Path store, String alias) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        Key key = keyStore.getKey(alias, PASSWORD.toCharArray());
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
