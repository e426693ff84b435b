package io.stratastor.rodent.events.core.impl.shipping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token in {@code toggle.jwt_file}, read again whenever the file changes, so a token rotated
 * by replacing the file is used from the next batch on without a configuration change. Never logs
 * the token. Not thread-safe: the shipper thread alone uses it.
 */
final class TokenFile {
    private static final Logger LOG = LoggerFactory.getLogger(TokenFile.class);

    private Path path;
    private FileTime modified;
    private String token;

    /** The file's token; {@code fallback} (what the configuration read) until the file can be read. */
    String read(Path file, String fallback) {
        try {
            FileTime now = Files.getLastModifiedTime(file);
            if (!file.equals(path) || !now.equals(modified)) {
                String read = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (token != null && file.equals(path) && !read.equals(token)) {
                    LOG.info("Toggle token file {} changed; using the new token", file);
                }
                path = file;
                modified = now;
                token = read;
            }
        } catch (IOException e) {
            if (token == null || !file.equals(path)) {
                LOG.warn("Cannot read toggle.jwt_file {} ({}); keeping the token read at configuration", file, e.getClass().getSimpleName());
                path = file;
                token = fallback;
            }
        }
        return token;
    }
}
