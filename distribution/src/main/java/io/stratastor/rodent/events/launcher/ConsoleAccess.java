package io.stratastor.rodent.events.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * How the node's Web Console is reached: Jetty on the loopback interface only, on the port of system
 * property {@value #PORT_PROPERTY}, and user {@value #USER} with the password of
 * {@code data/webconsole.password} — generated at the first start with owner-only permissions, or
 * written there by the operator — handed to the console only as a salted hash. The console's
 * built-in admin/admin never applies. Stateless.
 */
final class ConsoleAccess {
    /** The system property (JAVA_OPTS -D…) of the console's port. */
    static final String PORT_PROPERTY = "rodent.events.console.port";
    static final int DEFAULT_PORT = 8080;
    static final String HOST = "127.0.0.1";
    static final String USER = "admin";
    static final String PASSWORD_FILE = "webconsole.password";
    // Felix HTTP's and Felix Web Console's framework properties.
    static final String HTTP_HOST = "org.apache.felix.http.host";
    static final String HTTP_PORT = "org.osgi.service.http.port";
    static final String CONSOLE_USER = "felix.webconsole.username";
    static final String CONSOLE_PASSWORD = "felix.webconsole.password";
    private static final int ITERATIONS = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleAccess() {
    }

    /**
     * Jetty's host and port.
     *
     * @param port the value of {@value #PORT_PROPERTY}, or null for {@value #DEFAULT_PORT}
     * @throws IllegalArgumentException when {@code port} is not a port number, naming the property
     */
    static Map<String, String> serverProperties(String port) {
        int number;
        try {
            number = port == null ? DEFAULT_PORT : Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > 65_535) {
            throw new IllegalArgumentException(PORT_PROPERTY + " takes a port from 1 to 65535, got '" + port + "'");
        }
        Map<String, String> properties = new HashMap<>();
        properties.put(HTTP_HOST, HOST);
        properties.put(HTTP_PORT, Integer.toString(number));
        return properties;
    }

    /** The password file of the node of {@code home}. */
    static Path passwordFile(Path home) {
        return home.resolve("data").resolve(PASSWORD_FILE).toAbsolutePath();
    }

    /**
     * The console's user and hashed password, the password read from {@link #passwordFile} and made
     * there first when missing.
     *
     * @throws IOException when the file cannot be made or read, or holds no password; the message names the file
     */
    static Map<String, String> credentials(Path home) throws IOException {
        Path file = passwordFile(home);
        if (!Files.exists(file)) {
            create(file);
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IOException(file + " holds no password: write one there, or delete the file to have one generated");
        }
        Map<String, String> properties = new HashMap<>();
        properties.put(CONSOLE_USER, USER);
        properties.put(CONSOLE_PASSWORD, hash(password, salt()));
        return properties;
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            // Created owner-only, so the password is never readable by others, not even for a moment.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return;
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    private static String salt() {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /**
     * The password in Felix Web Console's hashed form: {@code {sha-256}SALT-ITERATIONS-BASE64}, the
     * digest of salt and password taken {@value #ITERATIONS} times.
     */
    static String hash(String password, String salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = (salt + password).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < ITERATIONS; i++) {
                digest.reset();
                bytes = digest.digest(bytes);
            }
            return "{sha-256}" + salt + "-" + ITERATIONS + "-" + Base64.getEncoder().encodeToString(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
