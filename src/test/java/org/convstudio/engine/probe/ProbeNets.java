package org.convstudio.engine.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.List;

/** Setting weights by hand in probe tests (on the inspection worker). */
final class ProbeNets {

    private ProbeNets() {
    }

    /** Sets parameter {@code name} (weight, bias...) of block {@code node} to {@code values}. */
    static void set(Probe probe, String node, String name, float... values) {
        int i = probe.nodeIds().indexOf(node);
        Block child = probe.block().getChildren().get(i).getValue();
        for (Pair<String, Parameter> p : child.getParameters()) {
            if (p.getKey().equals(name)) {
                NDArray a = p.getValue().getArray();
                a.set(values);
                return;
            }
        }
        throw new IllegalArgumentException(node + " has no parameter " + name);
    }

    /** Sets parameter {@code name} of block {@code node} to {@code value} everywhere. */
    static void fill(Probe probe, String node, String name, float value) {
        int i = probe.nodeIds().indexOf(node);
        Block child = probe.block().getChildren().get(i).getValue();
        for (Pair<String, Parameter> p : child.getParameters()) {
            if (p.getKey().equals(name)) {
                float[] v = new float[Math.toIntExact(p.getValue().getArray().size())];
                Arrays.fill(v, value);
                p.getValue().getArray().set(v);
                return;
            }
        }
        throw new IllegalArgumentException(node + " has no parameter " + name + " (has "
                + child.getParameters().keys() + ")");
    }

    static List<String> parameterNames(Probe probe, String node) {
        int i = probe.nodeIds().indexOf(node);
        return probe.block().getChildren().get(i).getValue().getParameters().keys();
    }
}
