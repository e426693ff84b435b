/**
 * The typed emitter of service events: service lifecycle, configuration and health.
 */
@Export
@Version("1.0.0")
package io.stratastor.rodent.events.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
