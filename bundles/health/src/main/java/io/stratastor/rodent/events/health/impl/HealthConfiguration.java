package io.stratastor.rodent.events.health.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@value #PID}: the bounds the pipeline's health checks hold it to. */
@ObjectClassDefinition(id = HealthConfiguration.PID, name = "Rodent Events health checks",
        description = "The bounds of the Felix health checks tagged rodent-events")
public @interface HealthConfiguration {
    String PID = "rodent.events.health";
    long MAX_SECONDS = 7 * 24 * 3600;

    @AttributeDefinition(name = "Backlog age bound (s)", min = "1", description = "The backlog check is CRITICAL when the"
            + " oldest event not yet acknowledged by Toggle is older than this many seconds (1 to 604800)")
    long backlog__age__max__seconds() default 300;

    @AttributeDefinition(name = "Dead-letter window (s)", min = "1", description = "The dead-letter check warns while a batch"
            + " Toggle refused for good was kept within this many seconds (1 to 604800)")
    long dead__letter__window__seconds() default 3600;
}
