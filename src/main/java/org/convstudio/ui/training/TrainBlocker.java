package org.convstudio.ui.training;

import java.util.Locale;
import java.util.Optional;

import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.run.MemoryEstimate;
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
        return evaluate(a, d, loading, false, formError, dataError, Long.MAX_VALUE);
    }

    /**
     * @param converting       the data set is being converted (then {@code loading} is true too)
     * @param conversionBudget Java memory a conversion may take: the offer says when only part of the images fit
     */
    static TrainBlocker evaluate(Analysis a, LoadedData d, boolean loading, boolean converting, String formError,
                                 String dataError, long conversionBudget) {
        Optional<String> designProblem = a == null ? Optional.of("no design") : a.trainBlocker();
        if (designProblem.isPresent()) {
            return new TrainBlocker("This design cannot be trained yet: " + designProblem.get(), "");
        }
        if (!formError.isEmpty()) {
            return new TrainBlocker(formError, "");
        }
        if (loading) {
            return new TrainBlocker(converting ? "Converting the images…" : "Loading the data set…", "");
        }
        if (d == null) {
            return new TrainBlocker(dataError.isEmpty() ? "Choose a data set to train on." : "Choose a data set that loads.",
                    "");
        }
        ImageShape net = networkShape(a).orElseThrow();
        Optional<String> mismatch = ImageAdapter.check(d.shape(), net);
        if (mismatch.isPresent()) {
            String why = mismatch.get().replace(" (" + ImageAdapter.ADAPT_OPTION + ")", "");
            if (!ImageAdapter.canAdapt(d.shape(), net)) {
                return new TrainBlocker(why, "");
            }
            long fit = ImageAdapter.imagesThatFit(net, conversionBudget);
            long all = d.split().size();
            String part = fit >= all ? "" : fit < 2
                    ? String.format(Locale.ROOT, " Converted, these images would not fit in Java memory (%s each): "
                            + "give the network a smaller input.", MemoryEstimate.human(ImageAdapter.bytesNeeded(1, net)))
                    : String.format(Locale.ROOT, " Only the first %,d of the %,d images fit in Java memory at that size.",
                            fit, all);
            return new TrainBlocker(why + part, fit < 2 ? "" : why + part);
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
