package org.convstudio.ui.inspect;

import java.nio.file.Path;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.training.EngineRun;

/**
 * What the Inspect workspace looks at: a saved run (its weights), a design at its initialisation, or the run
 * training now in the Train workspace (followed live).
 *
 * @param label   shown in the source picker
 * @param run     the run folder, or null
 * @param network the design when {@code run} and {@code live} are null
 * @param live    the run to follow while it trains, or null
 */
public record InspectSource(String label, Path run, Network network, EngineRun live) {

    public static InspectSource run(String label, Path folder) {
        return new InspectSource(label, folder, null, null);
    }

    public static InspectSource design(String label, Network network) {
        return new InspectSource(label, null, network, null);
    }

    /** The run training now, followed live. */
    public static InspectSource live(EngineRun run) {
        return new InspectSource("Live: " + run.request().title(), null, null, run);
    }

    /**
     * What can be inspected, saved runs first (those with weights), then the current design and every preset at
     * their initialisation. Reads the runs folder: call it off the FX thread.
     */
    public static java.util.List<InspectSource> available(Path dataDirectory, Network currentDesign) {
        java.util.List<InspectSource> list = new java.util.ArrayList<>();
        for (org.convstudio.ui.training.RunCatalog.RunInfo r : org.convstudio.ui.training.RunCatalog.forDataDirectory(dataDirectory).list()) {
            if (r.resumable()) {
                list.add(run("Run " + r.id() + " (" + r.epochs() + " epochs)", r.dir()));
            }
        }
        if (currentDesign != null) {
            list.add(design("Current design: " + currentDesign.name() + " (initial weights)", currentDesign));
        }
        org.convstudio.model.preset.Presets.all().forEach(p -> list.add(design("Preset " + p.id() + " (initial weights)", p.network())));
        return list;
    }

    @Override
    public String toString() {
        return label;
    }
}
