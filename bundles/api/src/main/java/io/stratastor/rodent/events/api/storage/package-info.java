/**
 * The typed emitter of storage events: pools, datasets, snapshots, transfers.
 */
@Export
@Version("1.0.0")
package io.stratastor.rodent.events.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
