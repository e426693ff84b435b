/**
 * The typed emitter of security events: authentication, keys, certificates, SSH, intrusion.
 */
@Export
@Version("1.1.0")
package io.stratastor.rodent.events.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
