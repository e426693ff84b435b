/**
 * The checks the core makes of every event before it takes it, for the test support
 * ({@code EventCapture.standalone()}) to refuse exactly what the core refuses.
 */
@Export
@Version("1.0.0")
package io.stratastor.rodent.events.core.check;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
