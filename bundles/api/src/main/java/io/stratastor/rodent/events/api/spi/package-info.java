/**
 * What the category bundles hand their events to ({@link EventPublisher}, implemented by the core
 * bundle), and how a test outside OSGi finds their emitters ({@link EmitterFactory}, implemented by
 * each category bundle).
 */
@Export
@Version("1.1.0")
package io.stratastor.rodent.events.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
