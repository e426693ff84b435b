package io.stratastor.rodent.events.shell.karaf.completion;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.MetaTypeService;

/** A completer reading the metatype of PID {@code rodent.events}; Karaf injects the fields of this class too. */
abstract class PidSchemaCompleter extends ValueCompleter {
    @Reference
    BundleContext context;
    // Optional: without Metatype the keys and their values are unknown, and the completer offers none.
    @Reference(optional = true)
    MetaTypeService metaTypes;

    PidSchemaCompleter() {
    }

    PidSchemaCompleter(BundleContext context, MetaTypeService metaTypes) {
        this.context = context;
        this.metaTypes = metaTypes;
    }
}
