/**
 * The typed emitter of identity events: AD/LDAP users, groups, computers and domain sync.
 */
@Export
@Version("1.1.0")
package io.stratastor.rodent.events.api.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
