package org.convstudio.ui.inspect;

import java.util.List;
import org.convstudio.analysis.image.GradCam;
import org.convstudio.analysis.image.Occlusion;
import org.convstudio.analysis.image.Pictures;
import org.convstudio.analysis.image.Range;
import org.convstudio.analysis.metrics.ConfusionMatrix;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.probe.Activations;
import org.convstudio.engine.probe.FloatTensor;
import org.convstudio.engine.probe.InputGradients;
import org.convstudio.engine.probe.InspectionData;
import org.convstudio.engine.probe.Probe;
import org.convstudio.model.layer.LayerType;
import org.convstudio.ui.inspect.InspectSnapshots.Attribution;
import org.convstudio.ui.inspect.InspectSnapshots.Errors;
import org.convstudio.ui.inspect.InspectSnapshots.Sample;

/** The computations behind the panes, run on the inspection worker (never on the FX thread). */
final class InspectTasks {

    private InspectTasks() {
    }

    static List<String> convolutions(Probe p) {
        return p.nodeIds().stream()
                .filter(id -> p.block().network().node(id).orElseThrow().layer().type() == LayerType.CONV2D).toList();
    }

    static Sample sample(Probe p, int index, float[] raw, float[] scaled, int label) {
        Activations a = p.capture(scaled, 1);
        float[] probs = a.probabilities(0);
        return new Sample(index, raw, label, a, probs, Activations.argMax(probs));
    }

    /** A grey 28×28 digit converted to the network's input shape (resized, channels repeated). */
    static float[] fit(float[] digit, int h, int w, int[] chw) {
        if (chw[0] == 1 && chw[1] == h && chw[2] == w) {
            return digit;
        }
        ImageSet one = new ImageSet("drawing", 1, h, w, digit, new int[] {0}, List.of("0"));
        return ImageAdapter.adapt(one, new ImageShape(chw[0], chw[1], chw[2])).image(0);
    }

    /** Attribution of image {@code x} (as the network sees it; {@code index} says which sample it is). */
    static Attribution attribution(Probe p, InputGradients g, InspectionData d, int index, float[] x, int requested,
                                   String layer) {
        int[] chw = p.inputShape();
        int c = chw[0];
        int h = chw[1];
        int w = chw[2];
        int cls = requested >= 0 ? requested : Activations.argMax(p.capture(x, 1, java.util.Set.of()).probabilities(0));
        float[] sal = Pictures.magnitude(g.saliency(x, cls).gradient(), c, h, w);
        float sigma = 0.15f * (float) (Range.of(x).max() - Range.of(x).min());
        float[] sg = Pictures.magnitude(g.smoothGrad(x, cls, 25, sigma, 1), c, h, w);
        InputGradients.NodeGradient ng = g.nodeGradient(x, layer, cls);
        FloatTensor a = ng.activation();
        GradCam.Result cam = GradCam.combine(a.sample(0), ng.gradient().sample(0), a.channels(), a.height(), a.width());
        float[] up = GradCam.resize(cam.map(), cam.height(), cam.width(), h, w);
        Occlusion.Result occ = Occlusion.defaults().run(x, c, h, w, d.scaledConstant(0.5f), (imgs, n) -> {
            float[] logits = p.logits(imgs, n);
            float[] s = new float[n];
            for (int k = 0; k < n; k++) {
                s[k] = logits[k * p.classCount() + cls];
            }
            return s;
        }, 64);
        return new Attribution(index, cls, sal, sg, layer, cam, up, occ);
    }

    static Errors errors(Probe p, InspectionData d) {
        ImageSet set = d.scaled();
        int n = set.size();
        int classes = p.classCount();
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        int[][] top3 = new int[n][];
        float[][] top3p = new float[n][];
        int batch = 256;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            float[] images = new float[(to - from) * set.imageLength()];
            System.arraycopy(set.pixels(), from * set.imageLength(), images, 0, images.length);
            float[] logits = p.logits(images, to - from);
            for (int i = from; i < to; i++) {
                float[] probs = Activations.softmax(java.util.Arrays.copyOfRange(logits, (i - from) * classes, (i - from + 1) * classes));
                int[] t = top(probs);
                predicted[i] = t[0];
                confidence[i] = probs[t[0]];
                top3[i] = t;
                top3p[i] = new float[t.length];
                for (int k = 0; k < t.length; k++) {
                    top3p[i][k] = probs[t[k]];
                }
            }
        }
        int[] labels = set.labels().clone();
        int k = Math.max(classes, set.classCount());
        return new Errors(ConfusionMatrix.of(labels, predicted, k), labels, predicted, confidence, top3, top3p,
                "computed now from the loaded weights", -1, true);
    }

    /**
     * The Errors pane's view of a run's saved predictions; sample {@code i} is image {@code i} of {@code shown}
     * when the run's validation labels are the first labels of {@code shown} (the same images, or the first of
     * them when the run limited its validation set).
     */
    static Errors saved(org.convstudio.engine.train.EpochPredictions p, ImageSet shown) {
        int n = p.size();
        int k = p.top();
        int[][] top3 = new int[n][];
        float[][] top3p = new float[n][];
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
            top3[i] = java.util.Arrays.copyOfRange(p.topClasses(), i * k, (i + 1) * k);
            top3p[i] = java.util.Arrays.copyOfRange(p.topProbabilities(), i * k, (i + 1) * k);
            confidence[i] = k > 0 && top3[i][0] == p.predicted()[i] ? top3p[i][0] : Float.NaN;
        }
        boolean same = shown != null && shown.size() >= n
                && java.util.Arrays.equals(p.labels(), java.util.Arrays.copyOf(shown.labels(), n));
        return new Errors(ConfusionMatrix.of(p.labels(), p.predicted(), p.classes()), p.labels(), p.predicted(),
                confidence, top3, top3p, "saved with epoch " + p.epoch(), p.epoch(), same);
    }

    static int[] top(float[] p) {
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Float.compare(p[b], p[a]));
        int[] t = new int[Math.min(3, p.length)];
        for (int i = 0; i < t.length; i++) {
            t[i] = idx[i];
        }
        return t;
    }
}
