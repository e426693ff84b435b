package io.stratastor.rodent.events.shell.karaf.completion;

import io.stratastor.rodent.events.shell.impl.ShellCommands;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The values of the key before the cursor ({@code events:config toggle.schema <TAB>}) where its metatype
 * lists them, or true and false; nothing for other keys. Thread-safe.
 */
@Service
public final class ConfigValueCompleter extends PidSchemaCompleter {
    public ConfigValueCompleter() {
    }

    ConfigValueCompleter(BundleContext context, MetaTypeService metaTypes) {
        super(context, metaTypes);
    }

    @Override
    List<String> values(CommandLine line) {
        int key = line.getCursorArgumentIndex() - 1;
        String[] words = line.getArguments();
        return key < 0 || key >= words.length ? List.of() : ShellCommands.configValues(context, metaTypes, words[key]);
    }
}
