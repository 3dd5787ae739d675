package org.convstudio.ui.inspect;

import java.nio.file.Path;
import org.convstudio.model.graph.Network;

/**
 * What the Inspect workspace looks at: a saved run (its weights) or a design at its initialisation.
 *
 * @param label   shown in the source picker
 * @param run     the run folder, or null
 * @param network the design when {@code run} is null
 */
public record InspectSource(String label, Path run, Network network) {

    public static InspectSource run(String label, Path folder) {
        return new InspectSource(label, folder, null);
    }

    public static InspectSource design(String label, Network network) {
        return new InspectSource(label, null, network);
    }

    @Override
    public String toString() {
        return label;
    }
}
