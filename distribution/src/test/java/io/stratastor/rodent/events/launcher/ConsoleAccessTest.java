package io.stratastor.rodent.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleAccessTest {

    @TempDir
    Path home;

    @Test
    void jettyListensOnTheLoopbackOnlyOnTheGivenPort() {
        assertThat(ConsoleAccess.serverProperties(null)).containsEntry("org.apache.felix.http.host", "127.0.0.1")
                .containsEntry("org.osgi.service.http.port", "8080");
        assertThat(ConsoleAccess.serverProperties(" 18181 ")).containsEntry("org.osgi.service.http.port", "18181");
        assertThat(FelixNode.frameworkProperties(Path.of("/opt/re"), Path.of("/x.yml"), false))
                .containsEntry("org.apache.felix.http.host", "127.0.0.1");
    }

    @Test
    void aBadPortIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> ConsoleAccess.serverProperties("http")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rodent.events.console.port takes a port from 1 to 65535, got 'http'");
        assertThatThrownBy(() -> ConsoleAccess.serverProperties("70000")).hasMessageContaining("got '70000'");
    }

    @Test
    void theFirstStartWritesARandomPasswordForTheOwnerOnlyAndTheConsoleGetsItHashed() throws IOException {
        Map<String, String> credentials = ConsoleAccess.credentials(home);

        Path file = home.resolve("data/webconsole.password");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo("admin");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(credentials).containsEntry("felix.webconsole.username", "admin");
        assertThat(credentials.get("felix.webconsole.password")).matches("\\{sha-256\\}[0-9a-f]{16}-1000-[A-Za-z0-9+/]{43}=")
                .doesNotContain(password);
        assertThat(ConsoleAccess.credentials(home)).as("the same password at the next start")
                .containsEntry("felix.webconsole.username", "admin");
        assertThat(Files.readString(file).strip()).isEqualTo(password);
    }

    @Test
    void anOperatorsPasswordIsUsedAndAnEmptyFileIsRefusedNamingIt() throws IOException {
        Path file = Files.createDirectories(home.resolve("data")).resolve("webconsole.password");
        Files.writeString(file, "correct horse battery staple\n");
        String salt = "0011223344556677";

        assertThat(ConsoleAccess.credentials(home).get("felix.webconsole.password")).startsWith("{sha-256}");
        assertThat(ConsoleAccess.hash("correct horse battery staple", salt)).isEqualTo(ConsoleAccess.hash("correct horse battery staple", salt))
                .isNotEqualTo(ConsoleAccess.hash("correct horse battery stapl", salt));
        Files.writeString(file, " \n");
        assertThatThrownBy(() -> ConsoleAccess.credentials(home)).isInstanceOf(IOException.class)
                .hasMessage(file.toAbsolutePath() + " holds no password: write one there, or delete the file to have one generated");
    }

    @Test
    void felixWebConsoleAcceptsTheHashForThePasswordOnly() throws ReflectiveOperationException {
        String hashed = ConsoleAccess.hash("s3cret-Pass", "a1b2c3d4e5f60718");

        assertThat(consoleAccepts(hashed, "s3cret-Pass")).isTrue();
        assertThat(consoleAccepts(hashed, "s3cret-Pasz")).isFalse();
        assertThat(consoleAccepts(hashed, "admin")).isFalse();
    }

    // The console's own check (a package-private class of the Web Console jar), as it verifies a log-in.
    private static boolean consoleAccepts(String hashed, String password) throws ReflectiveOperationException {
        Class<?> type = Class.forName("org.apache.felix.webconsole.internal.servlet.Password");
        Constructor<?> constructor = type.getDeclaredConstructor(String.class);
        constructor.setAccessible(true);
        Method matches = type.getDeclaredMethod("matches", byte[].class);
        matches.setAccessible(true);
        return (Boolean) matches.invoke(constructor.newInstance(hashed), (Object) password.getBytes(StandardCharsets.UTF_8));
    }
}
