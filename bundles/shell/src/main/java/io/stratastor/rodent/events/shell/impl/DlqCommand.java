package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code events:dlq}: lists the batches Toggle refused for good, and sends them again. Thread-safe. */
@Component(service = DlqCommand.class)
@GogoCommand(scope = "events", function = {"dlq"})
public final class DlqCommand {
    static final String USAGE = "usage: events:dlq [--resend BATCH_ID | --resend-all]";

    // Optional and dynamic: the command stays available, and says so, while the core is stopped or updated.
    private final AtomicReference<DeadLetterQueue> queue = new AtomicReference<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDeadLetterQueue(DeadLetterQueue deadLetters) {
        queue.set(deadLetters);
    }

    void unsetDeadLetterQueue(DeadLetterQueue deadLetters) {
        queue.compareAndSet(deadLetters, null);
    }

    @Descriptor("List the batches Toggle refused for good (success=false), or send them again once the cause is fixed")
    public String dlq(
            @Descriptor("[--resend BATCH_ID] send one kept batch again; [--resend-all] send every kept batch again")
            String... args) {
        CommandArgs parsed;
        try {
            parsed = CommandArgs.parse(args, List.of(CommandArgs.Option.value("--resend", "-r"),
                    CommandArgs.Option.flag("--resend-all", "-a")), USAGE);
            if (!parsed.positional().isEmpty()) {
                throw new CommandException("unexpected argument '" + parsed.positional().get(0) + "'; " + USAGE);
            }
            if (parsed.has("--resend") && parsed.has("--resend-all")) {
                throw new CommandException("give --resend BATCH_ID or --resend-all, not both; " + USAGE);
            }
        } catch (CommandException e) {
            return CommandResults.error(e.getMessage());
        }
        DeadLetterQueue deadLetters = queue.get();
        if (deadLetters == null) {
            return CommandResults.error(StatsCommand.NOT_RUNNING);
        }
        if (parsed.has("--resend-all")) {
            return "queued again: " + deadLetters.resendAll() + " events";
        }
        if (parsed.has("--resend")) {
            try {
                return "queued again: " + deadLetters.resend(parsed.value("--resend", "")) + " events";
            } catch (IllegalArgumentException e) {
                return CommandResults.error(e.getMessage());
            }
        }
        return list(deadLetters.list());
    }

    static String list(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return "no dead letters";
        }
        StringBuilder text = new StringBuilder(letters.size() + " dead letter(s): batch, events, kept at, Toggle's reason");
        for (DeadLetter letter : letters) {
            text.append('\n').append(letter.batchId()).append("  ").append(letter.eventCount()).append("  ")
                    .append(letter.keptAt()).append("  ").append(CommandResults.oneLine(letter.reason()));
        }
        return text.toString();
    }
}
