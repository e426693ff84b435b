/**
 * The typed emitter of usage events: quotas, measured resources, thresholds.
 */
@Export
@Version("1.0.0")
package io.stratastor.rodent.events.api.usage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
