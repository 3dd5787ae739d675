package org.convstudio.engine.export;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.model.export.TorchLayout;
import org.convstudio.model.export.TorchTensor;

/**
 * Pairs the parameters of ConvStudio's DJL block with the state_dict keys of the exported module:
 * the block has one child per design node, in evaluation order, whose parameters carry DJL's names
 * ("weight", "gamma", "runningMean"...); {@link TorchTensor#djlName()} says which is which.
 */
final class DjlParameters {

    private DjlParameters() {
    }

    /** state_dict key → DJL parameter, for every tensor ConvStudio keeps (in layout order). */
    static Map<String, Parameter> byKey(NetworkBlock block, TorchLayout layout) {
        List<String> ids = block.nodeIds();
        List<Pair<String, Block>> children = block.getChildren().stream().toList();
        Map<String, Block> byNode = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byNode.put(ids.get(i), children.get(i).getValue());
        }
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (TorchTensor t : layout.tensors()) {
            if (!t.kept()) {
                continue;
            }
            Block child = byNode.get(t.nodeId());
            Parameter found = null;
            for (Pair<String, Parameter> p : child.getParameters()) {
                if (p.getValue().getName().equals(t.djlName())) {
                    found = p.getValue();
                }
            }
            if (found == null) {
                throw new IllegalStateException("block " + t.nodeId() + " has no DJL parameter " + t.djlName());
            }
            out.put(t.key(), found);
        }
        return out;
    }
}
