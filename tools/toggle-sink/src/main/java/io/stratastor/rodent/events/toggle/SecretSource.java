package io.stratastor.rodent.events.toggle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the CLI takes an HMAC secret from: the command line or a file; an immutable value that never prints the secret. */
record SecretSource(String secret, Path file) {

    static SecretSource none() {
        return new SecretSource(null, null);
    }

    boolean isSet() {
        return secret != null || file != null;
    }

    /** The secret; a file's content loses its surrounding whitespace (the trailing newline). */
    String read() throws UsageException {
        if (secret != null) {
            return secret;
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UsageException("cannot read --secret-file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (content.isEmpty()) {
            throw new UsageException("--secret-file " + file + " is empty; expected the HMAC secret");
        }
        return content;
    }

    @Override
    public String toString() {
        return file != null ? "SecretSource[file=" + file + "]" : "SecretSource[secret=" + (secret != null ? "set" : "not set") + "]";
    }
}
