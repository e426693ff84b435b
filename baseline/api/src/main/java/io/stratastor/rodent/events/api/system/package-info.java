/**
 * The typed emitter of system events: node lifecycle, configuration, registration, shutdown and restart, local users and groups, packages.
 */
@Export
@Version("1.1.0")
package io.stratastor.rodent.events.api.system;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
