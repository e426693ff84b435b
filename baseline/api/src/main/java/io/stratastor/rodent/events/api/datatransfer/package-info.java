/**
 * The typed emitter of data transfer events: the life of a ZFS send/receive transfer.
 */
@Export
@Version("1.0.0")
package io.stratastor.rodent.events.api.datatransfer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
