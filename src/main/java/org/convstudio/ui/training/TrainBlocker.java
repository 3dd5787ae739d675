package org.convstudio.ui.training;

import java.util.Optional;

import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.model.analysis.Analysis;

/**
 * Why Train cannot start now, in the order a student fixes things: the design, the form, the data
 * set, the shapes, the classes. Pure: computed from the view-model's state.
 *
 * @param why   the reason ("" when a run can start)
 * @param offer when the shapes differ but the images can be converted: the offer ("" otherwise)
 */
public record TrainBlocker(String why, String offer) {

    /** Nothing in the way. */
    public static final TrainBlocker NONE = new TrainBlocker("", "");

    /** The network's input shape, if the design has one. */
    static Optional<ImageShape> networkShape(Analysis a) {
        return a == null ? Optional.empty()
                : a.inputShape().map(s -> new ImageShape(s.channels(), s.height(), s.width()));
    }

    static TrainBlocker evaluate(Analysis a, LoadedData d, boolean loading, String formError, String dataError) {
        Optional<String> designProblem = a == null ? Optional.of("no design") : a.trainBlocker();
        if (designProblem.isPresent()) {
            return new TrainBlocker("This design cannot be trained yet: " + designProblem.get(), "");
        }
        if (!formError.isEmpty()) {
            return new TrainBlocker(formError, "");
        }
        if (loading) {
            return new TrainBlocker("Loading the data set…", "");
        }
        if (d == null) {
            return new TrainBlocker(dataError.isEmpty() ? "Choose a data set to train on." : "Choose a data set that loads.",
                    "");
        }
        ImageShape net = networkShape(a).orElseThrow();
        Optional<String> mismatch = ImageAdapter.check(d.shape(), net);
        if (mismatch.isPresent()) {
            String why = mismatch.get().replace(" (" + ImageAdapter.ADAPT_OPTION + ")", "");
            return new TrainBlocker(why, ImageAdapter.canAdapt(d.shape(), net) ? why : "");
        }
        int outputs = a.outputShape().orElseThrow().channels();
        int classes = d.split().train().classCount();
        if (classes > outputs) {
            return new TrainBlocker("The data set has " + classes + " classes but the network has " + outputs
                    + " outputs: give the last Dense block " + classes + " units.", "");
        }
        return NONE;
    }
}
