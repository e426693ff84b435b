/**
 * What the category bundles hand their events to ({@link EventPublisher}, implemented by the core
 * bundle), the table of their default sources ({@link DefaultSources}), and how a test outside OSGi
 * finds their emitters ({@link EmitterFactory}, extended by each category bundle).
 */
@Export
@Version("1.1.0")
package io.stratastor.rodent.events.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
