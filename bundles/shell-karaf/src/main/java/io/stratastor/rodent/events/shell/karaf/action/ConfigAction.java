package io.stratastor.rodent.events.shell.karaf.action;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.shell.impl.ShellCommands;
import io.stratastor.rodent.events.shell.karaf.completion.ConfigKeyCompleter;
import io.stratastor.rodent.events.shell.karaf.completion.ConfigValueCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;

/** {@code events:config}, run by the shell's {@code ConfigCommand}. One instance per call. */
@Command(scope = "events", name = "config", description = "Show the effective configuration of the event pipeline (PID"
        + " rodent.events), or change one key at run time and report whether the core applied it")
@Service
public final class ConfigAction implements Action {
    @Reference
    private BundleContext context;
    // All three optional: the command stays available, and says what is missing.
    @Reference(optional = true)
    private ConfigurationAdmin admin;
    @Reference(optional = true)
    private MetaTypeService metaTypes;
    @Reference(optional = true)
    private EventSystem system;

    @Argument(index = 0, name = "key", description = "the key to set, e.g. batch_size or toggle.schema")
    @Completion(ConfigKeyCompleter.class)
    private String key;

    @Argument(index = 1, name = "value", description = "its value (lists comma-separated: enabled_levels error,critical)")
    @Completion(ConfigValueCompleter.class)
    private String value;

    @Option(name = "--unset", description = "remove this key: it takes its default")
    @Completion(ConfigKeyCompleter.class)
    private String unset;

    @Override
    public Object execute() {
        return ShellCommands.config(context, admin, metaTypes, system)
                .config(new Words().option("--unset", unset).word(key).word(value).toArray());
    }
}
