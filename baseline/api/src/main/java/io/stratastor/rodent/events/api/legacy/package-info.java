/**
 * The backward-compatible emitter: the old, map-payload calls of the event system, kept so that
 * modules can migrate to the typed emitters one call at a time.
 */
@Export
@Version("1.0.0")
package io.stratastor.rodent.events.api.legacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
