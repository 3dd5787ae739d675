package org.convstudio.engine.run;
import org.convstudio.engine.explain.RunSetupException;

import ai.djl.ndarray.types.Shape;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;

/**
 * A design checked for training: its input image shape and number of classes.
 *
 * @param network    the design
 * @param inputShape the image shape it takes (C, H, W)
 * @param classCount the number of outputs of its last layer
 */
public record RunDesign(Network network, ImageShape inputShape, int classCount) {

    /**
     * Checks that {@code network} can be trained.
     *
     * @throws RunSetupException saying why not
     */
    public static RunDesign of(Network network) {
        if (network == null) {
            throw new RunSetupException("Choose a design to train.");
        }
        Analysis a = NetworkAnalyzer.analyze(network);
        a.trainBlocker().ifPresent(why -> {
            throw new RunSetupException("The design \"" + network.name() + "\" cannot be trained yet: " + why);
        });
        org.convstudio.model.Shape in = a.inputShape().orElseThrow();
        return new RunDesign(network, new ImageShape(in.channels(), in.height(), in.width()),
                a.outputShape().orElseThrow().channels());
    }

    /** The input shape as DJL's (C, H, W). */
    public Shape chw() {
        return new Shape(inputShape.channels(), inputShape.height(), inputShape.width());
    }
}
