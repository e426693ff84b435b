/**
 * The node's own event envelope, generated from {@code base.proto}: {@code Event},
 * {@code EventBatch}, {@code EventLevel} and {@code EventCategory} as the spool keeps them and taps
 * see them. What travels to Toggle is one of the generations in
 * {@code io.stratastor.rodent.events.wire.*}. 2.0.0: {@code EventBatchResponse} moved to the wire
 * packages, levels and categories of 2025-12 added.
 */
@Export(attribute = "x-provider-type:=\"*OrBuilder\"")
@Version("2.0.0")
package io.stratastor.rodent.events.proto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
