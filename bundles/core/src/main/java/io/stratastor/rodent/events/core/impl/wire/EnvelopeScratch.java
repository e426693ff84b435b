package io.stratastor.rodent.events.core.impl.wire;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import java.io.IOException;

/**
 * A thread's buffers for {@link EnvelopeFactory}: the envelope's, and a region payloads are written into by one
 * {@link CodedOutputStream} used until it fills, so that writing a payload makes no stream per
 * event. Payloads too large for the region get a stream of their own.
 */
final class EnvelopeScratch {
    private static final int PAYLOAD_REGION = 16 * 1024;

    // The envelope's; the factory replaces it when an envelope outgrows it.
    byte[] buffer;
    private final byte[] region = new byte[PAYLOAD_REGION];
    private CodedOutputStream regionOut = CodedOutputStream.newInstance(region);

    EnvelopeScratch(int initialBuffer) {
        buffer = new byte[initialBuffer];
    }

    void writePayload(Message payload, int payloadSize, byte[] target, int at) {
        try {
            if (payloadSize > PAYLOAD_REGION / 2) {
                CodedOutputStream out = CodedOutputStream.newInstance(target, at, payloadSize);
                payload.writeTo(out);
                out.checkNoSpaceLeft();
                return;
            }
            if (regionOut.spaceLeft() < payloadSize) {
                regionOut = CodedOutputStream.newInstance(region);
            }
            int start = regionOut.getTotalBytesWritten();
            payload.writeTo(regionOut);
            if (regionOut.getTotalBytesWritten() - start != payloadSize) {
                throw new IOException("wrote " + (regionOut.getTotalBytesWritten() - start) + " bytes");
            }
            System.arraycopy(region, start, target, at, payloadSize);
        } catch (IOException e) {
            // The region's stream is in an unknown state after a failure: start a new one.
            regionOut = CodedOutputStream.newInstance(region);
            throw new IllegalStateException("payload " + payload.getDescriptorForType().getFullName()
                    + " wrote other than its size: " + e.getMessage(), e);
        }
    }
}
