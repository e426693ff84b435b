/**
 * The event system's API for modules: {@link io.stratastor.rodent.events.api.Level},
 * {@link io.stratastor.rodent.events.api.Category}, the event type constants of
 * {@link io.stratastor.rodent.events.api.EventTypes}, the metadata keys of
 * {@link io.stratastor.rodent.events.api.Meta}, and the state of the system,
 * {@link io.stratastor.rodent.events.api.EventSystem}. Each category's typed emitter has a
 * package of its own below this one.
 */
@Export
@Version("1.1.0")
package io.stratastor.rodent.events.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
