package io.stratastor.rodent.events.shell.impl;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.stream.Collectors;

/**
 * Turns the {@code --payload} JSON of {@code events:emit} into a payload message. Field names may
 * be the proto names ({@code pool_name}) or their JSON names ({@code poolName}); unknown fields are
 * refused. Stateless and thread-safe.
 */
final class PayloadJson {
    private final JsonFormat.Parser parser = JsonFormat.parser();

    /**
     * Parses {@code json} into a message of {@code prototype}'s type.
     *
     * @param eventType the event type, for the message
     * @throws CommandException naming the payload message and its fields when the JSON is not such a message
     */
    Message parse(String eventType, Message prototype, String json) throws CommandException {
        JsonBounds.check(json);
        Message.Builder builder = prototype.newBuilderForType();
        try {
            parser.merge(json, builder);
            return builder.build();
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            // JsonFormat reports syntax errors through gson's runtime exceptions.
            throw new CommandException("bad --payload for " + eventType + ": " + reason(e) + "; expected "
                    + describe(prototype));
        }
    }

    /** The payload message and its field names, e.g. {@code a JSON object of rodent.events.X with fields a, b}. */
    static String describe(Message prototype) {
        String fields = prototype.getDescriptorForType().getFields().stream()
                .map(FieldDescriptor::getName)
                .collect(Collectors.joining(", "));
        return "a JSON object of " + prototype.getDescriptorForType().getFullName() + " with fields " + fields;
    }

    // gson nests the useful text in a cause and prefixes class names; keep the innermost message.
    private static String reason(Exception e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
        return CommandResults.oneLine(message.replaceFirst("^[\\w.]+(Exception|Error): ", ""));
    }
}
