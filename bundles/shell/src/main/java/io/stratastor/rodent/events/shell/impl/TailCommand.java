package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Process;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code events:tail}: the recent events kept by {@link RecentEvents}, one line each
 * ({@link EventLine}), filtered by level, category and type; with {@code -f}, then every new
 * matching event until the command is interrupted or its output fails. Following prints to the
 * output of the Gogo pipe running the command ({@link Process#out()}, which is what Gogo 1.1 sets
 * {@code System.out} to on that thread, pipes and redirections included) and flushes each line; it
 * stops when that output or the session's console reports an error (a closed remote session).
 * Thread-safe.
 */
@Component(service = TailCommand.class)
@GogoCommand(scope = "events", function = {"tail"})
public final class TailCommand {
    // How often an idle follower checks that its output still works.
    static final long IDLE_CHECK_MILLIS = 1000;

    private final RecentEvents recent;
    private final EventLine lines;

    @Activate
    public TailCommand(@Reference RecentEvents recent) {
        this(recent, new EventLine(EventCatalog.fromSchema()));
    }

    TailCommand(RecentEvents recent, EventLine lines) {
        this.recent = recent;
        this.lines = lines;
    }

    @Descriptor("Show recent events, one line each: time (UTC), level, category, type, source, {metadata}, payload JSON."
            + " With -f, go on with new events until Ctrl-C")
    public String tail(
            @Descriptor("[-n N] the last N events (default 20; with -f, shown before following);"
                    + " [-f|--follow] then follow new events; [--level L] L and above (trace, debug, info, warn,"
                    + " error or essential, critical);"
                    + " [--category C] one category; [--type PATTERN] a type, a dotted prefix (storage.pool)"
                    + " or a quoted glob ('storage.*.created')")
            String... args) {
        TailRequest request;
        try {
            request = TailRequest.parse(args);
        } catch (CommandException e) {
            return CommandResults.error(e.getMessage());
        }
        if (!request.follow()) {
            return show(request);
        }
        Process process = Process.Utils.current();
        if (process == null) {
            return CommandResults.error("-f needs the output of a Gogo session; run events:tail -f in the shell");
        }
        PrintStream out = process.out();
        // A remote session (telnetd) wraps its socket in a PrintStream of its own: a dead client shows there.
        PrintStream console = process.job() == null ? null : process.job().session().getConsole();
        return follow(request, out, () -> out.checkError() || console != null && console.checkError());
    }

    /** The kept events matching the request, oldest first; a note when there are none. */
    String show(TailRequest request) {
        List<Event> events = recent.recent(request.filter(), request.lines());
        if (events.isEmpty()) {
            return "no matching events among the last " + recent.capacity() + " kept (events:tail keeps events accepted since the shell started)";
        }
        return events.stream().map(lines::format).collect(Collectors.joining("\n"));
    }

    /**
     * Prints the last {@code request.lines()} matching events, then each new one as it comes, until
     * the thread is interrupted, {@code outputFailed} says so or the tap goes away.
     *
     * @return why following stopped, with the number of events printed
     */
    String follow(TailRequest request, PrintStream out, BooleanSupplier outputFailed) {
        long printed = 0;
        try (Follower follower = recent.follow(request.filter(), request.lines())) {
            for (Event event : follower.history()) {
                out.println(lines.format(event));
                printed++;
            }
            out.flush();
            while (!outputFailed.getAsBoolean()) {
                Event event = follower.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                long skipped = follower.takeSkipped();
                if (skipped > 0) {
                    out.println("... " + skipped + " matching events not shown: this output fell behind");
                }
                if (event != null) {
                    out.println(lines.format(event));
                    out.flush();
                    printed++;
                } else if (follower.ended()) {
                    return "stopped following after " + printed + " events: the shell's event tap went away";
                }
            }
            return "stopped following after " + printed + " events: the output failed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "stopped following after " + printed + " events";
        }
    }
}
