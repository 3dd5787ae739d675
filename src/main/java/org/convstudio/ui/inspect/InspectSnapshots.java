package org.convstudio.ui.inspect;

import java.util.List;
import org.convstudio.analysis.image.GradCam;
import org.convstudio.analysis.image.Occlusion;
import org.convstudio.analysis.image.ReceptiveFieldRect;
import org.convstudio.analysis.metrics.ConfusionMatrix;
import java.util.Map;
import org.convstudio.engine.probe.Activations;
import org.convstudio.engine.probe.LiveProbe;
import org.convstudio.engine.probe.WeightCopy;
import org.convstudio.ui.common.AppendOnlySeries;

/** The immutable results the inspection worker hands to the UI. */
public final class InspectSnapshots {

    private InspectSnapshots() {
    }

    /**
     * A loaded model and its images.
     *
     * @param title   what is inspected ("LeNet (initial weights)", a run folder's name)
     * @param trained false for a design at its initialisation
     * @param chw     input channels, height, width
     * @param layers  blocks with positions (feature maps), in evaluation order
     * @param convs   convolution blocks
     * @param samples validation images available
     */
    public record Loaded(String title, boolean trained, int[] chw, List<String> layers, List<String> convs,
                         List<String> classNames, int samples, List<WeightCopy> weights, List<String> notes,
                         org.convstudio.model.analysis.Analysis analysis) {
    }

    /**
     * One input seen by the network.
     *
     * @param index  the validation sample, -1 for a drawing, {@link #FILE} for an image file
     * @param raw    the image as shown (CHW, raw pixel values)
     * @param label  its true class, or -1 when unknown (a drawing, an image file)
     */
    public record Sample(int index, float[] raw, int label, Activations activations, float[] probabilities, int predicted) {

        /** The index of an image opened from a file. */
        public static final int FILE = -2;
    }

    /** A unit's receptive field: the model's rectangle and the gradient-based (effective) field. */
    public record Field(ReceptiveFieldRect rect, int channel, float[] erf, int sampleIndex) {
    }

    /**
     * Attribution of one class for one sample; maps are H×W at the input's size.
     *
     * @param gradCamLayer the convolution Grad-CAM used
     */
    public record Attribution(int sampleIndex, int cls, float[] saliency, float[] smoothGrad, String gradCamLayer,
                              GradCam.Result gradCam, float[] gradCamUp, Occlusion.Result occlusion) {
    }

    /** What a channel wants (activation maximisation). */
    public record Wanted(String layer, int channel, float[] image, float activation) {
    }

    /**
     * The validation set's predictions: the confusion matrix and, per sample, predicted class and top-3.
     *
     * @param source      where they come from ("saved with epoch 3", "computed now from the saved weights")
     * @param epoch       the saved epoch they are, or -1 when computed now from the loaded weights
     * @param imagesKnown whether sample {@code i} is image {@code i} of the loaded validation images (false when
     *                    the run was validated on other images: then only its numbers can be shown)
     */
    public record Errors(ConfusionMatrix matrix, int[] labels, int[] predicted, float[] confidence, int[][] top3,
                         float[][] top3Probabilities, String source, int epoch, boolean imagesKnown) {

        /** Samples with this true and predicted class, most confident first. */
        public List<Integer> cell(int trueClass, int predictedClass) {
            java.util.List<Integer> out = new java.util.ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == trueClass && predicted[i] == predictedClass) {
                    out.add(i);
                }
            }
            out.sort((a, b) -> Float.compare(confidence[b], confidence[a]));
            return out;
        }
    }

    /**
     * What the Filters pane shows: kernels and histograms of {@code weights}, per-parameter statistics, and
     * (live) the update-to-weight ratio of each layer's weights over the steps.
     *
     * @param caption what these weights are ("initial weights", "epoch 2, step 37")
     * @param trained false for a design at its initialisation
     * @param weights copies of the parameters (empty when the live run is too large to copy them)
     * @param stats   live statistics per parameter (empty for a saved model)
     * @param ratios  update-to-weight ratio per layer ("conv1 weight" → step, ratio), empty for a saved model
     */
    public record Filters(String caption, boolean trained, List<WeightCopy> weights, List<LiveProbe.ParameterStats> stats,
                          Map<String, AppendOnlySeries.Snapshot> ratios) {

        static Filters of(Loaded l) {
            return new Filters(l.trained() ? l.title() : l.title() + ": random initial weights", l.trained(), l.weights(),
                    List.of(), Map.of());
        }
    }

    /**
     * One live probe round of the run training now, as the panes show it.
     *
     * @param title   the run
     * @param epoch   its epoch (1-based)
     * @param step    optimiser steps taken when it was probed
     * @param sample  the probed validation image, its maps and class probabilities
     * @param filters its weights, gradients and update ratios
     */
    public record Live(String title, int epoch, long step, Sample sample, Filters filters) {

        /** "epoch 2 · step 37" */
        public String when() {
            return "epoch " + epoch + " · step " + step;
        }
    }

    /** "label 7 → predicted 7 (98 %)" for the toolbar ("" for no sample). */
    static String predictionText(Sample s, List<String> names) {
        if (s == null) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "%s → predicted %s (%.0f %%)",
                s.index() == Sample.FILE ? "image file"
                        : "label " + (s.label() < names.size() && s.label() >= 0 ? names.get(s.label()) : "?"),
                s.predicted() < names.size() ? names.get(s.predicted()) : Integer.toString(s.predicted()),
                100 * s.probabilities()[s.predicted()]);
    }
}
