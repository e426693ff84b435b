/**
 * The typed emitter of storage events: pools, datasets, snapshots, transfers, disks and disk probes.
 */
@Export
@Version("1.1.0")
package io.stratastor.rodent.events.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
