/**
 * The typed emitter of access events: ACLs, permissions, ownership.
 */
@Export
@Version("1.1.0")
package io.stratastor.rodent.events.api.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
