/**
 * Generation 2025-12's event, category wrappers, payload messages and operations, generated from
 * {@code toggle/v2025_12/event_messages.proto} (upstream's {@code rodent.events}, field for field,
 * under proto package {@code rodent.v2025_12.events}).
 */
@Export(attribute = "x-provider-type:=\"*OrBuilder\"")
@Version("1.0.0")
package io.stratastor.rodent.events.wire.v2025_12.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
