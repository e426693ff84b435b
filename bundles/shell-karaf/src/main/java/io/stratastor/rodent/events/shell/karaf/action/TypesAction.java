package io.stratastor.rodent.events.shell.karaf.action;

import io.stratastor.rodent.events.shell.impl.TypesCommand;
import io.stratastor.rodent.events.shell.karaf.completion.CategoryCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code events:types}, run by the shell's {@code TypesCommand}. One instance per call. */
@Command(scope = "events", name = "types", description = "List the event types of the schema by category: dotted type, enum"
        + " number, payload message and its fields, and its generation 2025-12 form")
@Service
public final class TypesAction implements Action {
    @Argument(index = 0, name = "category", description = "only this category (system, storage, ..., data_transfer)")
    @Completion(CategoryCompleter.class)
    private String category;

    @Override
    public Object execute() {
        return new TypesCommand().types(new Words().word(category).toArray());
    }
}
