package io.stratastor.rodent.events.shell.karaf.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.DeadLetterQueue;
import java.lang.reflect.Field;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.junit.jupiter.api.Test;

/**
 * The Karaf-native commands with bad arguments, their fields set as Karaf's parser sets them: each
 * gives the refusal of the shell's command it runs, naming the argument. Karaf itself refuses an
 * option it does not declare before the action runs.
 */
class KarafBadArgumentsTest {

    private static <A extends Action> A with(A action, Object... namesAndValues) throws Exception {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Field field = action.getClass().getDeclaredField((String) namesAndValues[i]);
            field.setAccessible(true);
            field.set(action, namesAndValues[i + 1]);
        }
        return action;
    }

    private static String run(Action action) throws Exception {
        return String.valueOf(action.execute());
    }

    @Test
    void emitRefusesBadWordsAfterTheTypeAndBadNumbersNamingThem() throws Exception {
        assertThat(run(with(new EmitAction(), "type", "storage.pool.created", "afterType", List.of("--colour", "red"))))
                .startsWith("error: unknown option '--colour'");
        assertThat(run(with(new EmitAction(), "type", "storage.pool.created", "count", "many"))).startsWith("error: --count");
        assertThat(run(with(new EmitAction(), "type", "storage.pool.created", "payload", "[".repeat(100_000))))
                .startsWith("error: ").doesNotContain("StackOverflow");
    }

    @Test
    void typesRefusesAnUnknownCategoryNamingIt() throws Exception {
        assertThat(run(with(new TypesAction(), "category", "disks"))).startsWith("error: unknown category 'disks'");
    }

    @Test
    void dlqRefusesAnUnknownBatchIdNamingIt() throws Exception {
        // A queue keeping nothing: resending any id is refused, as the core refuses it.
        DeadLetterQueue none = (DeadLetterQueue) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DeadLetterQueue.class}, (proxy, method, args) -> {
                    if (method.getName().equals("resend")) {
                        throw new IllegalArgumentException("no dead letter " + args[0] + "; kept: []");
                    }
                    return method.getName().equals("list") ? List.of() : 0;
                });

        assertThat(run(with(new DlqAction(), "deadLetters", none, "resend", "nope"))).startsWith("error: no dead letter nope");
    }

    @Test
    void flushRefusesATimeoutThatIsNoNumberNamingIt() throws Exception {
        assertThat(run(with(new FlushAction(), "timeout", "soon"))).startsWith("error: --timeout");
    }
}
