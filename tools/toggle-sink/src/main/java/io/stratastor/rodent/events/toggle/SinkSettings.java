package io.stratastor.rodent.events.toggle;

import java.io.PrintStream;
import io.stratastor.rodent.events.upstream.WireGeneration;
import java.nio.file.Path;

/**
 * The validated settings of one {@link ToggleSink}, made by {@link ToggleSinkBuilder}; an immutable value
 * (the streams are the caller's).
 *
 * @param tokenCheck how calls are authenticated; null when authentication is switched off
 * @param jsonFile the JSON-lines file, or null
 * @param jsonStream the JSON-lines stream, or null
 * @param captureFile the file of length-delimited envelopes, or null
 * @param consoleStream where to print one human-readable line per event, or null
 * @param tls the certificate chain, key and optional client CA to serve TLS with, or null for plaintext
 * @param schema the wire generation every batch is decoded in (a counting sink decodes none)
 * @param counting whether the sink only counts the events of each batch by walking its wire format
 *     ({@link ToggleSinkBuilder#counting()}) instead of decoding, deduplicating and keeping them
 */
record SinkSettings(String host, int port, TokenCheck tokenCheck, Path jsonFile, PrintStream jsonStream,
        Path captureFile, PrintStream consoleStream, boolean retainEvents, Tls tls, WireGeneration schema, boolean counting) {

    /** TLS files: PEM certificate chain, PEM PKCS#8 private key, and the PEM CA of client certificates or null. */
    record Tls(Path certChain, Path privateKey, Path clientCa) {
    }

    String authDescription() {
        return tokenCheck == null ? "none" : tokenCheck.description();
    }
}
