package org.convstudio.engine.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.convstudio.engine.store.RunIntegrity;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The architecture fingerprint checked when a run is continued: the shape of every parameter the run's
 * network has, against the shapes of the weights read from the folder. A DJL load takes whatever shapes the
 * file holds, so without this check an edited architecture would train the old shapes under a new label.
 */
final class WeightShapes {

    private WeightShapes() {
    }

    /** Parameter name → shape of a freshly built block (initialised in a throw-away manager). */
    static Map<String, Shape> of(Supplier<Block> factory, NDManager parent, long[] chw) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        try (NDManager tmp = parent.newSubManager()) {
            Block b = factory.get();
            b.initialize(tmp, DataType.FLOAT32, new Shape(1, chw[0], chw[1], chw[2]));
            for (Pair<String, Parameter> p : b.getParameters()) {
                shapes.put(p.getKey(), p.getValue().getArray().getShape());
            }
        }
        return shapes;
    }

    /** Refuses weights whose parameters do not have the architecture's shapes. */
    static void check(Map<String, Shape> expected, Block loaded, Path dir) throws RunIntegrity.Refusal {
        Iterator<Map.Entry<String, Shape>> want = expected.entrySet().iterator();
        int count = 0;
        for (Pair<String, Parameter> p : loaded.getParameters()) {
            count++;
            Shape got = p.getValue().isInitialized() ? p.getValue().getArray().getShape() : null;
            Map.Entry<String, Shape> w = want.hasNext() ? want.next() : null;
            if (w == null || got == null || !w.getValue().equals(got)) {
                throw new RunIntegrity.Refusal(dir.resolve(RunIntegrity.WEIGHTS) + " does not fit "
                        + RunIntegrity.ARCHITECTURE + ": parameter " + p.getKey() + " is " + got + " in the weights but "
                        + (w == null ? "absent" : w.getValue()) + " in the network. The architecture was changed after "
                        + "training; put the original back, or train the changed network as a new run.");
            }
        }
        if (count != expected.size()) {
            throw new RunIntegrity.Refusal(dir.resolve(RunIntegrity.WEIGHTS) + " holds " + count + " parameters but "
                    + RunIntegrity.ARCHITECTURE + " describes " + expected.size()
                    + ": the architecture was changed after training. Put the original back, or start a new run.");
        }
    }
}
