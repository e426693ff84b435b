/**
 * Generation 2025-09 of the Rodent → Toggle wire schema, generated from
 * {@code toggle/v2025_09/base.proto}: {@code Event} (fields 1–8, the payload as JSON),
 * {@code EventBatch}, {@code EventBatchResponse}, {@code EventLevel}, {@code EventCategory}, as
 * upstream declares them in proto package {@code rodent}.
 */
@Export(attribute = "x-provider-type:=\"*OrBuilder\"")
@Version("1.0.0")
package io.stratastor.rodent.events.wire.v2025_09;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
