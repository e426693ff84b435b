/**
 * The typed emitter of network events: interfaces, connections, DNS, routes, thresholds.
 */
@Export
@Version("1.1.0")
package io.stratastor.rodent.events.api.network;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
