/**
 * The event envelope of the Rodent → Toggle wire contract, generated from {@code base.proto}:
 * {@code Event}, {@code EventBatch}, {@code EventBatchResponse}, {@code EventLevel} and
 * {@code EventCategory}.
 */
@Export
@Version("1.0.0")
package io.stratastor.rodent.events.proto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
