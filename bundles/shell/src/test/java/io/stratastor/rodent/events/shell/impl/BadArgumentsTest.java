package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code events:*} command with bad arguments: each refusal is one {@code error:} line that
 * names the argument, and the command keeps working (a good call after it succeeds). Commands
 * without arguments ({@code stats}, {@code spool}, {@code unmigrated}) take none, so Gogo refuses
 * extra words itself before our code is reached.
 */
class BadArgumentsTest {
    private static final String ANSI = "\u001b[31mred\u0007";

    private static Function<String[], String> emit() {
        EmitCommand command = new EmitCommand();
        command.addEmitter(new FakeEmitter(Category.STORAGE));
        return command::emit;
    }

    private static Function<String[], String> tail() {
        return new TailCommand(new RecentEvents(RecentEventsTest.config(10)), new EventLine(TestEvents.CATALOG))::tail;
    }

    private static Function<String[], String> flush() {
        FlushCommand command = new FlushCommand();
        command.setEventSystem(new FakeEventSystem());
        return args -> command.flush(args);
    }

    private static Function<String[], String> dlq() {
        DlqCommand command = new DlqCommand();
        command.setDeadLetterQueue(new DeadLetterQueue() {
            @Override
            public List<DeadLetter> list() {
                return List.of();
            }

            @Override
            public int resend(String batchId) {
                throw new IllegalArgumentException("no dead letter " + batchId + "; kept: []");
            }

            @Override
            public int resendAll() {
                return 0;
            }
        });
        return command::dlq;
    }

    private static Function<String[], String> types() {
        return new TypesCommand()::types;
    }

    private static Function<String[], String> config() {
        ConfigCommand command = new ConfigCommand(pid -> Optional.of(ConfigCommandTest.SCHEMA), Duration.ZERO);
        command.setConfigurationAdmin(new FakeConfigAdmin().service);
        command.setEventSystem(new FakeEventSystem());
        return command::config;
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("emit", emit(), "missing event type", "--level", "warn"),
                row("emit", emit(), "unknown option '--colour'", "storage.pool.created", "--colour", "red"),
                row("emit", emit(), "option --level needs a value", "storage.pool.created", "--level"),
                row("emit", emit(), "option --source given twice", "storage.pool.created", "--source", "a", "--source", "b"),
                row("emit", emit(), "unknown level", "storage.pool.created", "--level", "loud"),
                row("emit", emit(), "unknown event type 'storage.pool.exploded'", "storage.pool.exploded"),
                row("emit", emit(), "--count", "storage.pool.created", "--count", "-3"),
                row("emit", emit(), "--count", "storage.pool.created", "--count", "many"),
                row("emit", emit(), "--rate", "storage.pool.created", "--rate", "-1"),
                row("emit", emit(), "--meta takes key=value", "storage.pool.created", "--meta", "pool"),
                row("emit", emit(), "unexpected argument 'extra'", "storage.pool.created", "extra"),
                row("emit", emit(), "bad --payload for storage.pool.created", "storage.pool.created", "--payload", "{\"nope\": 1}"),
                row("emit", emit(), "bad --payload for storage.pool.created", "storage.pool.created", "--payload", "{not json"),
                row("tail", tail(), "unknown option '-x'", "-x"),
                row("tail", tail(), "option --level needs a value", "--level"),
                row("tail", tail(), "-n", "-n", "-5"),
                row("tail", tail(), "-n", "-n", "many"),
                row("tail", tail(), "unknown level", "--level", "loud"),
                row("tail", tail(), "unknown category", "--category", "weather"),
                row("flush", flush(), "--timeout", "--timeout", "-1"),
                row("flush", flush(), "--timeout", "--timeout", "soon"),
                row("flush", flush(), "unexpected argument 'now'", "now"),
                row("dlq", dlq(), "no dead letter nope", "--resend", "nope"),
                row("dlq", dlq(), "--resend", "--resend"),
                row("dlq", dlq(), "unexpected argument 'extra'", "extra"),
                row("dlq", dlq(), "unknown option '--purge'", "--purge"),
                row("types", types(), "unknown category 'disks'", "disks"),
                row("types", types(), "takes at most one category, got 2 arguments", "storage", "network"),
                row("config", config(), "unknown key 'batch_sise'", "batch_sise", "5"),
                row("config", config(), "batch_size takes a whole number, got 'many'", "batch_size", "many"),
                row("config", config(), "batch_size takes a whole number, got '-5'", "batch_size", "-5"),
                row("config", config(), "unknown option '--remove'", "--remove", "x"),
                row("config", config(), "usage: events:config", "batch_size"));
    }

    private static Arguments row(String name, Function<String[], String> command, String naming, String... args) {
        return Arguments.of(name + " " + String.join(" ", args), command, naming, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aBadArgumentIsRefusedOnOneLineNamingIt(String line, Function<String[], String> command, String naming, String[] args) {
        String result = command.apply(args);

        assertThat(result).startsWith(CommandResults.ERROR_PREFIX).contains(naming).doesNotContain("\n");
    }

    @Test
    void aHostileArgumentIsEchoedEscapedAndCutNeverSentToTheTerminal() {
        String escaped = emit().apply(new String[] {"storage.pool.created", ANSI});
        String huge = emit().apply(new String[] {"storage.pool.created", "x".repeat(100_000)});

        assertThat(escaped).startsWith("error: unexpected argument '\\u001b[31mred\\u0007'").doesNotContain("\u001b", "\u0007");
        assertThat(huge).startsWith("error: unexpected argument 'xxx").hasSizeLessThan(1100).matches(".*… \\(\\d+ characters\\)");
    }

    static Stream<Arguments> hostilePayloads() {
        return Stream.of(
                Arguments.of("nested 100 000 deep", "[".repeat(100_000), "--payload nests objects and arrays deeper than 32 levels (at index 32); expected at most 32"),
                Arguments.of("10 MB", "{\"pool_name\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}", "--payload is 10485777 characters; expected at most 262144"),
                Arguments.of("a lone surrogate", "{\"pool_name\": \"tank\uD800\"}", "--payload holds a lone surrogate (U+D800) at index 19; expected valid Unicode text"));
    }

    @ParameterizedTest(name = "--payload {0}")
    @MethodSource("hostilePayloads")
    void aHostilePayloadIsRefusedNamingTheLimitAndTheNextEmitIsAccepted(String what, String json, String naming) {
        Function<String[], String> emit = emit();

        assertThat(emit.apply(new String[] {"storage.pool.created", "--payload", json})).isEqualTo("error: " + naming);
        assertThat(emit.apply(new String[] {"storage.pool.created", "--payload", "{\"pool_name\": \"tank\"}"}))
                .isEqualTo("emitted 1 storage.pool.created (storage, info)");
    }

    @Test
    void aMillionMetaEntriesStopAtTheFirstOneOverTheLimitAndTheNextEmitIsAccepted() {
        Function<String[], String> emit = emit();
        String[] args = new String[1 + 2 * 1_000_000];
        args[0] = "storage.pool.created";
        for (int i = 0; i < 1_000_000; i++) {
            args[1 + 2 * i] = "--meta";
            args[2 + 2 * i] = "k" + i + "=v";
        }

        assertThat(emit.apply(args)).isEqualTo("error: --meta given more than 32 times; an event carries at most 32 metadata entries");
        assertThat(emit.apply(new String[] {"storage.pool.created", "--meta", "pool=tank"}))
                .isEqualTo("emitted 1 storage.pool.created (storage, info)");
    }
}
