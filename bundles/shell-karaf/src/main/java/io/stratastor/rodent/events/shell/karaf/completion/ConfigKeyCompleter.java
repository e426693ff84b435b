package io.stratastor.rodent.events.shell.karaf.completion;

import io.stratastor.rodent.events.shell.impl.ShellCommands;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.MetaTypeService;

/** The keys of PID {@code rodent.events} as its metatype declares them; none without a metatype. Thread-safe. */
@Service
public final class ConfigKeyCompleter extends PidSchemaCompleter {
    public ConfigKeyCompleter() {
    }

    ConfigKeyCompleter(BundleContext context, MetaTypeService metaTypes) {
        super(context, metaTypes);
    }

    @Override
    List<String> values(CommandLine line) {
        return ShellCommands.configKeys(context, metaTypes);
    }
}
