/**
 * Test support for modules that emit events: capture what a module emitted — in a plain JUnit
 * test with {@link io.stratastor.rodent.events.testing.EventCapture#standalone()}, or inside an
 * OSGi framework (Pax Exam) with
 * {@link io.stratastor.rodent.events.testing.EventCapture#inFramework(org.osgi.framework.BundleContext)}
 * — and assert on type, level, category, source, metadata and payload fields with readable
 * failure messages.
 */
@Export
@Version("1.0.0")
package io.stratastor.rodent.events.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
