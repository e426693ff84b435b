/**
 * What the category bundles hand their events to. Implemented by the core bundle.
 */
@Export
@Version("1.0.0")
package io.stratastor.rodent.events.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
