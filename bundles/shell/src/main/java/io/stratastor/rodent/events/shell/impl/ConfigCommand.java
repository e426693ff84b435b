package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.EventSystem;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.MetaTypeService;

/**
 * {@code events:config}: shows configuration PID {@value #PID} as the core sees it (Config Admin's
 * properties over the metatype defaults), sets or removes one key at run time, and reads the core's
 * stats back to tell whether it applied the change. {@code toggle.jwt} (and any PASSWORD key) shows
 * only as {@code set}/{@code not set}. Thread-safe.
 */
@Component(service = ConfigCommand.class)
@GogoCommand(scope = "events", function = {"config"})
public final class ConfigCommand {
    static final String PID = "rodent.events";
    static final String JWT = "toggle.jwt";
    static final String USAGE = "usage: events:config | events:config KEY VALUE | events:config --unset KEY";
    static final Duration SETTLE = Duration.ofSeconds(5);
    static final String RUN_TIME_ONLY = " (run time only: etc/rodent.yml applies again at the next start or when the file changes)";
    // The spool's settings: the core reads them when it starts (docs/DECISIONS.md, durable spool).
    static final Set<String> AT_NEXT_START = Set.of("spool_directory", "spool_capacity", "fsync_policy", "fsync_interval",
            "overflow_policy", "max_file_size");
    private static final long POLL_MILLIS = 50;
    private static final Set<String> MANAGED = ConfigView.MANAGED;
    // Zero or empty means "the profile's value" for these (docs/DECISIONS.md, configuration).
    private static final Set<String> PROFILE_KEYS = Set.of("buffer_size", "flush_threshold", "batch_size", "batch_timeout",
            "enabled_levels");

    // All three optional and dynamic: the command stays available, and says what is missing.
    private volatile ConfigurationAdmin configurationAdmin;
    private volatile MetaTypeService metaTypeService;
    private final AtomicReference<EventSystem> eventSystem = new AtomicReference<>();
    private final Function<String, Optional<ConfigSchema>> schemas;
    private final Duration settle;

    @Activate
    public ConfigCommand(BundleContext context) {
        this.schemas = pid -> ConfigSchema.find(metaTypeService, context.getBundles(), pid);
        this.settle = SETTLE;
    }

    ConfigCommand(Function<String, Optional<ConfigSchema>> schemas, Duration settle) {
        this.schemas = schemas;
        this.settle = settle;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setConfigurationAdmin(ConfigurationAdmin admin) {
        configurationAdmin = admin;
    }

    void unsetConfigurationAdmin(ConfigurationAdmin admin) {
        if (configurationAdmin == admin) {
            configurationAdmin = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setMetaTypeService(MetaTypeService service) {
        metaTypeService = service;
    }

    void unsetMetaTypeService(MetaTypeService service) {
        if (metaTypeService == service) {
            metaTypeService = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setEventSystem(EventSystem system) {
        eventSystem.set(system);
    }

    void unsetEventSystem(EventSystem system) {
        eventSystem.compareAndSet(system, null);
    }

    @Descriptor("Show the effective configuration of the event pipeline (PID rodent.events: set values over the metatype"
            + " defaults), or change one key at run time and report whether the core applied it")
    public String config(
            @Descriptor("nothing to show all; KEY VALUE to set a key (lists comma-separated: enabled_levels error,critical);"
                    + " --unset KEY to remove it")
            String... args) {
        try {
            ConfigurationAdmin admin = configurationAdmin;
            if (admin == null) {
                throw new CommandException("no Configuration Admin service (is bundle org.apache.felix.configadmin active?)");
            }
            if (args == null || args.length == 0) {
                return ConfigView.render(PID, new PidConfiguration(admin, PID).stored(), schemas.apply(PID));
            }
            if (args[0].equals("--unset") && args.length == 2) {
                return unset(admin, args[1].trim());
            }
            if (args.length == 2 && !args[0].startsWith("-")) {
                return set(admin, args[0].trim(), args[1]);
            }
            throw new CommandException((args[0].startsWith("-") && !args[0].equals("--unset")
                    ? "unknown option '" + args[0] + "'; accepted: --unset KEY; " : "") + USAGE);
        } catch (CommandException e) {
            return CommandResults.error(e.getMessage());
        }
    }

    private String set(ConfigurationAdmin admin, String key, String text) throws CommandException {
        Optional<ConfigSchema> schema = schemas.apply(PID);
        Object value;
        boolean secret = key.equals(JWT);
        if (MANAGED.contains(key)) {
            throw new CommandException(key + " is managed by Configuration Admin itself; set the keys of " + PID + " instead");
        }
        if (schema.isPresent()) {
            ConfigSchema.Attribute attribute = schema.get().attribute(key).orElseThrow(() -> new CommandException(
                    "unknown key '" + key + "' of " + PID + "; accepted: " + schema.get().keys()));
            value = attribute.parse(text);
            secret |= attribute.secret();
        } else if (key.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
            value = text;
        } else {
            throw new CommandException("a key is snake_case, toggle keys dotted (batch_size, toggle.address), got '" + key + "'");
        }
        PidConfiguration configuration = new PidConfiguration(admin, PID);
        Dictionary<String, Object> properties = configuration.properties();
        Object previous = properties.put(key, value);
        configuration.write(properties);
        String done = "set " + key + " = " + (secret ? "(not shown)" : shown(value))
                + (schema.isPresent() ? "" : " (no metatype for " + PID + ": neither key nor value checked here)");
        return afterChange(key, value, previous, done, secret);
    }

    private String unset(ConfigurationAdmin admin, String key) throws CommandException {
        PidConfiguration configuration = new PidConfiguration(admin, PID);
        Dictionary<String, Object> properties = configuration.properties();
        Object previous = properties.remove(key);
        if (previous == null) {
            return key + " is not set in configuration " + PID + "; nothing to remove";
        }
        configuration.write(properties);
        Optional<ConfigSchema.Attribute> attribute = schemas.apply(PID).flatMap(schema -> schema.attribute(key));
        String fallback = attribute.map(a -> a.secret() ? "not set" : shown(String.join(",", a.defaults()))).orElse("unknown")
                + (PROFILE_KEYS.contains(key) ? ", the profile's value" : "");
        return afterChange(key, attribute.map(a -> (Object) String.join(",", a.defaults())).orElse(null), previous,
                "removed " + key + " (it takes its default: " + fallback + ")", key.equals(JWT) || attribute.map(ConfigSchema.Attribute::secret).orElse(false));
    }

    private String afterChange(String key, Object value, Object previous, String done, boolean secret) throws CommandException {
        EventSystem system = eventSystem.get();
        Optional<AppliedCheck> check = value == null ? Optional.empty() : AppliedCheck.of(key, value);
        if (system == null) {
            return done + "; the events core is not running, so the change was not checked" + RUN_TIME_ONLY;
        }
        if (AT_NEXT_START.contains(key)) {
            return done + "; the core applies spool settings at its next start (a restart of bundle"
                    + " io.stratastor.rodent.events.core, losing nothing)" + RUN_TIME_ONLY;
        }
        if (check.isEmpty() && PROFILE_KEYS.contains(key)) {
            return done + "; zero or empty takes the profile's value, which events:stats shows" + RUN_TIME_ONLY;
        }
        if (check.isEmpty()) {
            return done + "; no stats figure shows it: if the core refused it, its log says so ('Configuration " + PID
                    + " refused')" + RUN_TIME_ONLY;
        }
        if (await(system, check.get())) {
            return done + "; applied: stats show " + check.get().statKey() + " " + check.get().current(system.stats()) + RUN_TIME_ONLY;
        }
        String undo = previous == null ? "events:config --unset " + key
                : "events:config " + key + " " + (secret ? "<the previous value>" : quoted(AppliedCheck.text(previous)));
        throw new CommandException(done + ", but the core did not apply it within " + settle.toSeconds() + " s: stats still show "
                + check.get().statKey() + " " + check.get().current(system.stats()) + ". The core refuses an invalid configuration,"
                + " keeps its previous settings and logs why ('Configuration " + PID + " refused' in data/log/rodent-events.log);"
                + " until undone it refuses every change of " + PID + ". Undo with: " + undo);
    }

    private boolean await(EventSystem system, AppliedCheck check) {
        long deadline = System.nanoTime() + settle.toNanos();
        try {
            // The core applies configuration on Config Admin's thread, after update() returned; it tells no one.
            while (!check.holds(system.stats())) {
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String shown(Object value) {
        String text = AppliedCheck.text(value);
        return text.isEmpty() ? "\"\"" : text;
    }

    private static String quoted(String text) {
        return text.isEmpty() || text.contains(" ") ? "'" + text + "'" : text;
    }
}
