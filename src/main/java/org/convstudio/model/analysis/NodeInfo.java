package org.convstudio.model.analysis;

import org.convstudio.model.Shape;

/**
 * What follows from a node's place in the network: its output shape, counts and receptive field. Output
 * and receptive field are null when they cannot be known (the node or one before it is invalid).
 *
 * @param activations values the node outputs for one sample
 */
public record NodeInfo(String id, Shape output, long trainableParams, long nonTrainableParams, long macs,
                       long activations, ReceptiveField receptiveField) {

    public long params() {
        return trainableParams + nonTrainableParams;
    }

    public boolean known() {
        return output != null;
    }

    static NodeInfo unknown(String id) {
        return new NodeInfo(id, null, 0, 0, 0, 0, null);
    }
}
