package io.stratastor.rodent.events.toggle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Opens the outputs that a sink's settings ask for; stateless. */
final class SinkOutputs {

    private SinkOutputs() {
    }

    /**
     * Opens every configured output, in the order console, JSON, capture.
     *
     * @throws IOException when one cannot be opened; those already opened are closed again
     */
    static List<EventOutput> open(SinkSettings settings) throws IOException {
        List<EventOutput> outputs = new ArrayList<>();
        try {
            if (settings.consoleStream() != null) {
                outputs.add(LineOutput.writingTo("the console", settings.consoleStream(), true, new EventConsoleLine()));
            }
            if (settings.jsonStream() != null) {
                outputs.add(LineOutput.writingTo("the JSON stream", settings.jsonStream(), false, new EventJsonLine()));
            }
            if (settings.jsonFile() != null) {
                outputs.add(LineOutput.appendingTo(settings.jsonFile(), new EventJsonLine()));
            }
            if (settings.captureFile() != null) {
                outputs.add(CaptureOutput.appendingTo(settings.captureFile()));
            }
            return outputs;
        } catch (IOException e) {
            for (EventOutput output : outputs) {
                closeAfterFailure(output, e);
            }
            throw e;
        }
    }

    private static void closeAfterFailure(EventOutput output, IOException failure) {
        try {
            output.close();
        } catch (IOException closeFailure) {
            failure.addSuppressed(closeFailure);
        }
    }
}
