/**
 * The event types of the categories and their payload messages, generated from
 * {@code events/events.proto}. Every {@code <Category>EventType} value carries its dotted
 * event type and its payload message as the enum-value options {@code event_type} and
 * {@code payload_message}; {@link io.stratastor.rodent.events.proto.events.EventCatalog}
 * reads them, and their {@code v2025_12_*} options give each type's generation 2025-12 form
 * ({@link io.stratastor.rodent.events.proto.events.Form2025_12}).
 */
@Export(attribute = "x-provider-type:=\"*OrBuilder\"")
@Version("1.1.0")
package io.stratastor.rodent.events.proto.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
