package io.stratastor.rodent.events.toggle;

import java.util.Arrays;

/** The options of the CLI's mint-token command, parsed and checked; an immutable value that never shows the secret. */
record MintTokenOptions(SecretSource secret, long ttlSeconds, String subject, boolean help) {

    static final long DEFAULT_TTL_SECONDS = 86_400;
    static final String DEFAULT_SUBJECT = "rodent-node";
    static final String ACCEPTED = "--secret S, --secret-file F, --ttl-seconds N, --subject NAME, --help";

    static MintTokenOptions parse(String... args) throws UsageException {
        ArgumentReader reader = new ArgumentReader(Arrays.asList(args), ACCEPTED);
        SecretSource secret = SecretSource.none();
        long ttlSeconds = DEFAULT_TTL_SECONDS;
        String subject = DEFAULT_SUBJECT;
        boolean help = false;
        int secretChoices = 0;
        while (reader.hasNext()) {
            String option = reader.nextOption();
            switch (option) {
                case "--secret" -> { secret = new SecretSource(ServeOptions.nonBlank(option, reader.value(option)), null); secretChoices++; }
                case "--secret-file" -> { secret = new SecretSource(null, ArgumentReader.path(option, reader.value(option))); secretChoices++; }
                case "--ttl-seconds" -> ttlSeconds = ArgumentReader.number(option, reader.value(option), 0, 10L * 365 * 86_400);
                case "--subject" -> subject = reader.value(option);
                case "--help", "-h" -> help = true;
                default -> throw reader.unknown(option);
            }
        }
        if (!help && secretChoices != 1) {
            throw new UsageException("mint-token needs exactly one of --secret S or --secret-file F");
        }
        return new MintTokenOptions(secret, ttlSeconds, subject, help);
    }

    @Override
    public String toString() {
        return "MintTokenOptions[" + secret + ", ttlSeconds=" + ttlSeconds + ", subject=" + subject + "]";
    }
}
