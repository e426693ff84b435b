package io.stratastor.rodent.events.launcher;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Runs script lines through a Gogo {@code CommandSession}. The launcher sits outside the framework,
 * so the Gogo API is reached by reflection on types loaded from the bundle that registered the
 * {@code CommandProcessor}. A command fails when it throws or when its result starts with
 * {@value #ERROR_PREFIX} (how the {@code events:*} commands refuse). Used from one thread.
 */
final class GogoScript {
    /** The start of a refusing command's result. */
    static final String ERROR_PREFIX = "error: ";
    static final String PROMPT = "rodent> ";
    // org.apache.felix.service.command.Converter.INSPECT, as the Gogo console prints results.
    private static final int INSPECT = 0;

    private final BundleContext context;
    private final PrintStream out;

    GogoScript(BundleContext context, PrintStream out) {
        this.context = context;
        this.out = out;
    }

    /** The lines of a script worth running: not blank, not a {@code #} comment; trimmed. */
    static List<String> commands(List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** Reads and runs a script file; returns the number of failed commands. */
    int run(Path script) throws IOException, ReflectiveOperationException {
        return run(commands(Files.readAllLines(script, StandardCharsets.UTF_8)));
    }

    /**
     * Prints each command after {@value #PROMPT}, runs it and prints its formatted result or its
     * error; a failure does not stop the script.
     *
     * @return the number of failed commands
     */
    int run(List<String> commands) throws ReflectiveOperationException {
        ServiceReference<?> reference = context.getServiceReference(NodeReadiness.COMMAND_PROCESSOR);
        if (reference == null) {
            throw new IllegalStateException("no Gogo CommandProcessor is registered");
        }
        Bundle gogo = reference.getBundle();
        Class<?> processorType = gogo.loadClass(NodeReadiness.COMMAND_PROCESSOR);
        Class<?> sessionType = gogo.loadClass("org.apache.felix.service.command.CommandSession");
        Method execute = sessionType.getMethod("execute", CharSequence.class);
        Method format = sessionType.getMethod("format", Object.class, int.class);
        Object processor = context.getService(reference);
        OutputStream console = new FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush(); // the session closes its streams; System.out must stay open
            }
        };
        Object session = processorType.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                .invoke(processor, InputStream.nullInputStream(), console, console);
        int failures = 0;
        try {
            for (String command : commands) {
                out.println(PROMPT + command);
                if (!runOne(session, execute, format, command)) {
                    failures++;
                }
                out.flush();
            }
        } finally {
            sessionType.getMethod("close").invoke(session);
            context.ungetService(reference);
        }
        return failures;
    }

    private boolean runOne(Object session, Method execute, Method format, String command) throws IllegalAccessException {
        Object result;
        try {
            result = execute.invoke(session, command);
        } catch (InvocationTargetException e) {
            out.println(ERROR_PREFIX + describe(e.getCause()));
            return false;
        }
        if (result == null) {
            return true;
        }
        String text;
        try {
            text = String.valueOf(format.invoke(session, result, INSPECT));
        } catch (InvocationTargetException e) {
            text = String.valueOf(result);
        }
        out.println(text.stripTrailing());
        return !text.startsWith(ERROR_PREFIX);
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return FelixNode.oneLine(message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }
}
