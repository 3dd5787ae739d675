package org.convstudio.ui.inspect;

import java.util.List;
import org.convstudio.analysis.image.GradCam;
import org.convstudio.analysis.image.Occlusion;
import org.convstudio.analysis.image.ReceptiveFieldRect;
import org.convstudio.analysis.metrics.ConfusionMatrix;
import org.convstudio.engine.probe.Activations;
import org.convstudio.engine.probe.WeightCopy;

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
     * @param index  the validation sample, or -1 for a drawing
     * @param raw    the image as shown (CHW, raw pixel values)
     * @param label  its true class, or -1 when unknown (a drawing)
     */
    public record Sample(int index, float[] raw, int label, Activations activations, float[] probabilities, int predicted) {
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
     * @param source "saved predictions" or "computed now"
     */
    public record Errors(ConfusionMatrix matrix, int[] labels, int[] predicted, float[] confidence, int[][] top3,
                         float[][] top3Probabilities, String source) {

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
}
