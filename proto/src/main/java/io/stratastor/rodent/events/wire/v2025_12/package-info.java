/**
 * Generation 2025-12 of the Rodent → Toggle wire schema, batch and answer, generated from
 * {@code toggle/v2025_12/base.proto} (upstream's {@code rodent.EventBatch} and
 * {@code rodent.EventBatchResponse}, field for field, under proto package {@code rodent.v2025_12}).
 */
@Export(attribute = "x-provider-type:=\"*OrBuilder\"")
@Version("1.0.0")
package io.stratastor.rodent.events.wire.v2025_12;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
