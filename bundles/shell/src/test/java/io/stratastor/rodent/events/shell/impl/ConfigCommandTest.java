package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

class ConfigCommandTest {
    static final ConfigSchema SCHEMA = ConfigSchema.of("io.stratastor.rodent.events.core", ocd(
            ad("profile", AttributeDefinition.STRING, 0, new String[] {"default"},
                    new String[] {"default", "high-throughput", "low-latency", "minimal"}, null),
            ad("batch_size", AttributeDefinition.INTEGER, 0, new String[] {"0"}, null,
                    value -> Integer.parseInt(value) < 0 ? "Value " + value + " is below the minimum 0" : ""),
            ad("batch_timeout", AttributeDefinition.DOUBLE, 0, new String[] {"0.0"}, null, null),
            ad("enabled_levels", AttributeDefinition.STRING, Integer.MAX_VALUE, null, null, null),
            ad("max_retry_attempts", AttributeDefinition.INTEGER, 0, new String[] {"5"}, null, null),
            ad("toggle.address", AttributeDefinition.STRING, 0, new String[] {""}, null, null),
            ad("toggle.jwt", AttributeDefinition.PASSWORD, 0, new String[] {""}, null, null),
            ad("toggle.tls", AttributeDefinition.BOOLEAN, 0, new String[] {"false"}, null, null)));

    private final FakeConfigAdmin admin = new FakeConfigAdmin();
    private final FakeEventSystem core = new FakeEventSystem();
    private final ConfigCommand command = new ConfigCommand(pid -> Optional.of(SCHEMA), Duration.ZERO);

    static AttributeDefinition ad(String id, int type, int cardinality, String[] defaults, String[] options, UnaryOperator<String> check) {
        return (AttributeDefinition) Proxy.newProxyInstance(ConfigCommandTest.class.getClassLoader(),
                new Class<?>[] {AttributeDefinition.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getID", "getName" -> id;
                    case "getType" -> type;
                    case "getCardinality" -> cardinality;
                    case "getDefaultValue" -> defaults;
                    case "getOptionValues", "getOptionLabels" -> options;
                    case "validate" -> check == null ? null : check.apply((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static ObjectClassDefinition ocd(AttributeDefinition... attributes) {
        return (ObjectClassDefinition) Proxy.newProxyInstance(ConfigCommandTest.class.getClassLoader(),
                new Class<?>[] {ObjectClassDefinition.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttributeDefinitions" -> (int) args[0] == ObjectClassDefinition.ALL ? attributes : null;
                    case "getID" -> ConfigCommand.PID;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @BeforeEach
    void bind() {
        command.setConfigurationAdmin(admin.service);
        command.setEventSystem(core);
        core.stats.put("batch_size", 100);
        core.stats.put("profile", "default");
        core.stats.put("enabled_levels", "info,warn,error,critical");
        // The core applies what is valid, as its @Modified does.
        admin.onUpdate = written -> {
            Object size = written.get("batch_size");
            if (size instanceof Integer number && number > 0 && !"refuse".equals(written.get("toggle.address"))) {
                core.stats.put("batch_size", number);
            }
            if (written.get("enabled_levels") instanceof String[] levels) {
                core.stats.put("enabled_levels", String.join(",", levels));
            }
        };
    }

    @Test
    void showsSetValuesOverDefaultsAndNeverTheToken() {
        admin.properties = new Hashtable<>();
        admin.properties.put("batch_size", 50);
        admin.properties.put("enabled_levels", new String[] {"error", "critical"});
        admin.properties.put("toggle.jwt", "eyJhbGciOi.secret.token");
        admin.properties.put("typo_key", "x");

        String shown = command.config();

        assertThat(shown).isEqualTo("""
                configuration rodent.events: Config Admin values over the metatype defaults of io.stratastor.rodent.events.core
                key                 value           from
                profile             default         default
                batch_size          50              set
                batch_timeout       0.0             default
                enabled_levels      error,critical  set
                max_retry_attempts  5               default
                toggle.address      -               default
                toggle.jwt          set             set
                toggle.tls          false           default
                typo_key            x               set, unknown to the metatype""");
        assertThat(shown).doesNotContain("secret");
    }

    @Test
    void saysWhatRodentsKeysDoHereWithADurableSpool() {
        ConfigSchema core = ConfigSchema.of("io.stratastor.rodent.events.core", ocd(
                ad("buffer_size", AttributeDefinition.INTEGER, 0, new String[] {"0"}, null, null)));

        String shown = ConfigView.render("rodent.events", null, Optional.of(core));

        assertThat(shown).contains("Rodent's keys that mean something else here, with a durable spool:")
                .contains("buffer_size (bufferSize)").contains("spool_capacity").contains("flush_threshold (flushThreshold)")
                .contains("max_file_size (maxFileSize)       bytes per spool segment file");
        assertThat(command.config()).doesNotContain("Rodent's keys");
    }

    @Test
    void withoutMetatypeShowsTheStoredValuesAndStillHidesTheToken() {
        ConfigCommand bare = new ConfigCommand(pid -> Optional.empty(), Duration.ZERO);
        bare.setConfigurationAdmin(admin.service);
        admin.properties = new Hashtable<>();
        admin.properties.put("toggle.jwt", "secret");

        assertThat(bare.config()).endsWith("toggle.jwt  set    set").contains("no metatype found for rodent.events").doesNotContain("secret");
        admin.properties = null;
        assertThat(bare.config()).endsWith("nothing is set");
    }

    @Test
    void settingAKeyReportsThatTheCoreAppliedIt() {
        String result = command.config("batch_size", "50");

        assertThat(result).isEqualTo("set batch_size = 50; applied: stats show batch_size 50" + ConfigCommand.RUN_TIME_ONLY);
        assertThat(admin.properties).containsEntry("batch_size", 50);
        assertThat(admin.locations).containsOnly("?");
    }

    @Test
    void listsAreGivenCommaSeparatedAndStoredAsArrays() {
        assertThat(command.config("enabled_levels", "error, critical")).startsWith("set enabled_levels = error,critical; applied:");
        assertThat((String[]) admin.properties.get("enabled_levels")).containsExactly("error", "critical");
    }

    @Test
    void aValueTheCoreRefusesIsReportedWithTheUndo() {
        admin.properties = new Hashtable<>();
        admin.properties.put("toggle.address", "refuse");
        admin.properties.put("batch_size", 100);

        String result = command.config("batch_size", "50");

        assertThat(result).startsWith("error: set batch_size = 50, but the core did not apply it within 0 s: stats still show batch_size 100.")
                .contains("'Configuration rodent.events refused' in data/log/rodent-events.log")
                .endsWith("Undo with: events:config batch_size 100");
    }

    @Test
    void keysWithoutAStatsFigureAreSetWithANote() {
        assertThat(command.config("max_retry_attempts", "7"))
                .isEqualTo("set max_retry_attempts = 7; no stats figure shows it: if the core refused it, its log says so"
                        + " ('Configuration rodent.events refused')" + ConfigCommand.RUN_TIME_ONLY);
    }

    @Test
    void theTokenIsNeverEchoed() {
        core.stats.put("toggle_token", "set");

        String result = command.config("toggle.jwt", "eyJ.secret.sig");

        assertThat(result).startsWith("set toggle.jwt = (not shown); applied: stats show toggle_token set").doesNotContain("secret");
        assertThat(admin.properties).containsEntry("toggle.jwt", "eyJ.secret.sig");
    }

    @Test
    void unknownKeysAndBadValuesSayWhatIsAccepted() {
        assertThat(command.config("batch_sise", "5")).isEqualTo("error: unknown key 'batch_sise' of rodent.events; accepted: profile,"
                + " batch_size, batch_timeout, enabled_levels, max_retry_attempts, toggle.address, toggle.jwt, toggle.tls");
        assertThat(command.config("batch_size", "many")).isEqualTo("error: batch_size takes a whole number, got 'many'");
        assertThat(command.config("batch_size", "-5"))
                .isEqualTo("error: batch_size takes a whole number, got '-5' (Value -5 is below the minimum 0)");
        assertThat(command.config("profile", "fast"))
                .isEqualTo("error: profile takes one of default, high-throughput, low-latency, minimal, got 'fast'");
        assertThat(command.config("toggle.tls", "yes")).isEqualTo("error: toggle.tls takes true or false, got 'yes'");
        assertThat(admin.updates).isZero();
    }

    @Test
    void unsetRemovesTheKey() {
        admin.properties = new Hashtable<>();
        admin.properties.put("max_retry_attempts", 9);
        admin.properties.put("batch_size", 50);

        assertThat(command.config("--unset", "max_retry_attempts")).startsWith("removed max_retry_attempts (it takes its default: 5);");
        assertThat(admin.properties).containsOnlyKeys("batch_size");
        assertThat(command.config("--unset", "batch_size")).startsWith("removed batch_size (it takes its default: 0, the profile's value);");
        assertThat(command.config("--unset", "max_retry_attempts"))
                .isEqualTo("max_retry_attempts is not set in configuration rodent.events; nothing to remove");
        assertThat(admin.properties).isEmpty();
    }

    @Test
    void zeroMeansTheProfilesValue() {
        assertThat(command.config("batch_size", "0")).isEqualTo("set batch_size = 0; zero or empty takes the profile's value,"
                + " which events:stats shows" + ConfigCommand.RUN_TIME_ONLY);
    }

    @Test
    void spoolSettingsApplyAtTheCoresNextStart() {
        ConfigCommand spool = new ConfigCommand(pid -> Optional.empty(), Duration.ZERO);
        spool.setConfigurationAdmin(admin.service);
        spool.setEventSystem(core);

        assertThat(spool.config("fsync_policy", "always")).contains("; the core applies spool settings at its next start");
    }

    @Test
    void withoutTheCoreTheChangeIsStoredButNotChecked() {
        command.unsetEventSystem(core);

        assertThat(command.config("batch_size", "50"))
                .isEqualTo("set batch_size = 50; the events core is not running, so the change was not checked" + ConfigCommand.RUN_TIME_ONLY);
    }

    @Test
    void withoutMetatypeAnyWellFormedKeyIsStoredAsText() {
        ConfigCommand bare = new ConfigCommand(pid -> Optional.empty(), Duration.ZERO);
        bare.setConfigurationAdmin(admin.service);

        assertThat(bare.config("retry_backoff_max", "30")).startsWith("set retry_backoff_max = 30 (no metatype for rodent.events:"
                + " neither key nor value checked here)");
        assertThat(admin.properties).containsEntry("retry_backoff_max", "30");
        assertThat(bare.config("Batch Size", "3")).startsWith("error: a key is snake_case");
    }

    @Test
    void badShapesGiveTheUsage() {
        assertThat(command.config("batch_size")).isEqualTo("error: " + ConfigCommand.USAGE);
        assertThat(command.config("--remove", "x")).isEqualTo("error: unknown option '--remove'; accepted: --unset KEY; " + ConfigCommand.USAGE);
        assertThat(command.config("service.pid", "x")).startsWith("error: service.pid is managed by Configuration Admin itself");
        command.unsetConfigurationAdmin(admin.service);
        assertThat(command.config()).startsWith("error: no Configuration Admin service");
    }

    @Test
    void schemaReadsKindsListsDefaultsAndOptions() {
        ConfigSchema.Attribute levels = SCHEMA.attribute("enabled_levels").orElseThrow();
        ConfigSchema.Attribute jwt = SCHEMA.attribute("toggle.jwt").orElseThrow();

        assertThat(levels.list()).isTrue();
        assertThat(levels.accepted()).isEqualTo("a comma-separated list, each text (empty for none)");
        assertThat(jwt.secret()).isTrue();
        assertThat(SCHEMA.attribute("profile").orElseThrow().options()).hasSize(4);
        assertThat(SCHEMA.attributes().keySet()).first().isEqualTo("profile");
        assertThat(List.of(SCHEMA.attribute("batch_timeout").orElseThrow().kind())).containsExactly(ConfigSchema.Kind.DOUBLE);
    }
}
