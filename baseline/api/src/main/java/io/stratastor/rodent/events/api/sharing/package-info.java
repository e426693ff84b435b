/**
 * The typed emitter of sharing events: SMB/NFS shares, sessions, file access.
 */
@Export
@Version("1.1.0")
package io.stratastor.rodent.events.api.sharing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
