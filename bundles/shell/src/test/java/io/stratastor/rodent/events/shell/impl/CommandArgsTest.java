package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandArgsTest {
    private static final List<CommandArgs.Option> OPTIONS = List.of(
            CommandArgs.Option.value("--lines", "-n"), CommandArgs.Option.flag("--follow", "-f"));

    @Test
    void readsFlagsValuesInBothFormsAndPositionalWords() throws Exception {
        CommandArgs args = CommandArgs.parse(new String[] {"word", "-f", "--lines=5"}, OPTIONS, "usage: x");

        assertThat(args.has("--follow")).isTrue();
        assertThat(args.value("--lines", "20")).isEqualTo("5");
        assertThat(args.positional()).containsExactly("word");
        assertThat(CommandArgs.parse(new String[] {"-n", "7"}, OPTIONS, "u").value("--lines", "20")).isEqualTo("7");
        assertThat(CommandArgs.parse(null, OPTIONS, "u").value("--lines", "20")).isEqualTo("20");
    }

    @Test
    void unknownOptionListsTheAcceptedOnes() {
        assertThatThrownBy(() -> CommandArgs.parse(new String[] {"--tail"}, OPTIONS, "u"))
                .hasMessage("unknown option '--tail'; accepted: -n/--lines VALUE, -f/--follow");
    }

    @Test
    void missingValueRepeatedOptionAndValuedFlagAreRefused() {
        assertThatThrownBy(() -> CommandArgs.parse(new String[] {"-n"}, OPTIONS, "usage: x")).hasMessage("option -n needs a value; usage: x");
        assertThatThrownBy(() -> CommandArgs.parse(new String[] {"-n", "1", "--lines", "2"}, OPTIONS, "u"))
                .hasMessage("option --lines given twice; give it once");
        assertThatThrownBy(() -> CommandArgs.parse(new String[] {"--follow=yes"}, OPTIONS, "usage: x"))
                .hasMessage("option --follow takes no value; usage: x");
    }

    @Test
    void numbersAreCheckedAgainstTheirRange() throws Exception {
        assertThat(CommandArgs.wholeNumber("-n", " 12 ", 0, 100)).isEqualTo(12);
        assertThatThrownBy(() -> CommandArgs.wholeNumber("-n", "101", 0, 100)).hasMessage("-n takes a whole number from 0 to 100, got '101'");
        assertThatThrownBy(() -> CommandArgs.wholeNumber("-n", "x", 0, 100)).hasMessageContaining("got 'x'");
        assertThat(CommandArgs.seconds("--timeout", "2.5", 60)).isEqualTo(2500);
        assertThatThrownBy(() -> CommandArgs.seconds("--timeout", "-1", 60)).hasMessageStartingWith("--timeout takes seconds from 0 to 60");
    }
}
