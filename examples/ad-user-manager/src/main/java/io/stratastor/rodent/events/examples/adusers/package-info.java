/**
 * An example Rodent module, the AD user manager, as it looks once migrated to structured events.
 */
@Export
@Version("1.0.0")
package io.stratastor.rodent.events.examples.adusers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
