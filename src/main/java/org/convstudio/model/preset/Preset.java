package org.convstudio.model.preset;

import java.util.function.Supplier;
import org.convstudio.model.graph.Network;

/**
 * A ready-made network. Ids are stable: the command line and saved settings use them.
 *
 * @param summary one line for the gallery and {@code presets}
 */
public record Preset(String id, String title, String summary, Supplier<Network> factory) {

    /**
     * The network, its blocks in a provisional column (cheap: the CLI needs no layout engine);
     * {@link Presets#get} lays it out with ELK.
     */
    public Network network() {
        return factory.get();
    }
}
