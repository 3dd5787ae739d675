package org.convstudio.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.convstudio.analysis.image.ColorMap;
import org.convstudio.analysis.image.GradCam;
import org.convstudio.analysis.image.MapGrid;
import org.convstudio.analysis.image.Occlusion;
import org.convstudio.analysis.image.Pictures;
import org.convstudio.analysis.image.Range;
import org.convstudio.analysis.image.Raster;
import org.convstudio.analysis.image.ReceptiveFieldRect;
import org.convstudio.analysis.image.Statistics;
import org.convstudio.engine.probe.ActivationMaximizer;
import org.convstudio.engine.probe.Activations;
import org.convstudio.engine.probe.FloatTensor;
import org.convstudio.engine.probe.InputGradients;
import org.convstudio.engine.probe.InspectionData;
import org.convstudio.engine.probe.Probe;
import org.convstudio.engine.probe.WeightCopy;
import org.convstudio.model.layer.LayerType;

/**
 * Computes every picture of the {@code inspect} command for one sample (on the inspection worker) and
 * writes them as PNG files (java.awt, headless).
 */
final class InspectRenderer {

    /** What to inspect; null fields take their defaults. */
    record Request(int sample, String layer, int[] unit, Integer cls) {
    }

    record LayerStats(String id, int[] shape, Statistics stats) {
    }

    record Report(int label, int predicted, float[] probabilities, int[] top3, int explainedClass, int[] unit,
                  ReceptiveFieldRect receptiveField, List<LayerStats> layers, List<String> files) {
    }

    private static final int TARGET = 280;

    private final Probe probe;
    private final InputGradients gradients;
    private final InspectionData data;
    private final Path out;
    private final List<String> files = new ArrayList<>();

    InspectRenderer(Probe probe, InputGradients gradients, InspectionData data, Path out) {
        this.probe = probe;
        this.gradients = gradients;
        this.data = data;
        this.out = out;
    }

    /** Convolution blocks in evaluation order. */
    static List<String> convolutions(Probe p) {
        return p.nodeIds().stream().filter(id -> p.block().network().node(id).orElseThrow().layer().type() == LayerType.CONV2D)
                .toList();
    }

    /** The block to explain by default: the last convolution, else the last block with positions. */
    static String defaultLayer(Probe p) {
        List<String> convs = convolutions(p);
        if (!convs.isEmpty()) {
            return convs.get(convs.size() - 1);
        }
        String best = p.nodeIds().get(0);
        for (String id : p.nodeIds()) {
            if (p.analysis().info(id).orElseThrow().output().spatial()) {
                best = id;
            }
        }
        return best;
    }

    Report render(Request req) throws IOException {
        int[] chw = probe.inputShape();
        int c = chw[0];
        int h = chw[1];
        int w = chw[2];
        float[] raw = data.raw().image(req.sample());
        float[] x = data.scaled().image(req.sample());
        String layer = req.layer() != null ? req.layer() : defaultLayer(probe);
        if (!probe.nodeIds().contains(layer)) {
            throw new IllegalArgumentException("the network has no block named " + layer + " (blocks: "
                    + String.join(", ", probe.nodeIds()) + ")");
        }
        var layerShape = probe.analysis().info(layer).orElseThrow().output();
        if (!layerShape.spatial()) {
            throw new IllegalArgumentException(layer + " has no positions (" + layerShape
                    + "); choose a convolution or pooling block with --layer");
        }
        int[] unit = req.unit() != null ? req.unit() : new int[] {0, layerShape.height() / 2, layerShape.width() / 2};
        if (unit[0] < 0 || unit[0] >= layerShape.channels()) {
            throw new IllegalArgumentException(layer + " has " + layerShape.channels() + " channels; --unit channel "
                    + unit[0] + " does not exist (numbered from 0)");
        }
        ReceptiveFieldRect rf = ReceptiveFieldRect.of(probe.analysis(), layer, unit[1], unit[2]);

        Activations acts = probe.capture(x, 1);
        float[] probs = acts.probabilities(0);
        int predicted = Activations.argMax(probs);
        int cls = req.cls() != null ? req.cls() : predicted;
        if (cls < 0 || cls >= probe.classCount()) {
            throw new IllegalArgumentException("--class " + cls + " does not exist: the network has " + probe.classCount()
                    + " classes (0 to " + (probe.classCount() - 1) + ")");
        }
        List<LayerStats> stats = new ArrayList<>();
        for (String id : acts.ids()) {
            FloatTensor t = acts.node(id);
            stats.add(new LayerStats(id, t.shape(), Statistics.of(t.values())));
        }
        Raster input = Pictures.input(raw, c, h, w);
        int scale = Pictures.scaleFor(Math.max(h, w), TARGET);

        List<String> mapLayers = new ArrayList<>(convolutions(probe));
        if (!mapLayers.contains(layer)) {
            mapLayers.add(layer);
        }
        for (String id : mapLayers) {
            FloatTensor t = acts.node(id);
            int maps = t.channels();
            Range[] ranges = Range.forMaps(t.sample(0), maps, t.height() * t.width(), Range.Mode.PER_MAP);
            int s = Math.max(1, 64 / Math.max(t.height(), t.width()));
            write("feature-maps-" + id + ".png", MapGrid.render(t.sample(0), maps, t.height(), t.width(), s, 2,
                    MapGrid.columns(maps, 16), ColorMap.VIRIDIS, ranges, Pictures.BACKGROUND));
        }
        for (WeightCopy wc : probe.weights(false)) {
            if (wc.name().equals("weight") && wc.value().rank() == 4 && mapLayers.contains(wc.node())) {
                int[] s = wc.value().shape();
                write("filters-" + wc.node() + ".png", Pictures.kernels(wc.value().values(), s[0], s[1], s[2], s[3], true,
                        Math.max(4, 48 / Math.max(s[2], s[3]))));
            }
        }
        write("receptive-field-" + layer + ".png", Pictures.receptiveField(input, rf, scale));
        float[] erf = gradients.effectiveReceptiveField(x, 1, layer, unit[0], rf.y(), rf.x());
        write("effective-receptive-field-" + layer + ".png", ColorMap.HOT.render(erf, w, h, Range.of(erf)).scaled(scale));

        InputGradients.Result sal = gradients.saliency(x, cls);
        write("saliency.png", ColorMap.HOT.render(Pictures.magnitude(sal.gradient(), c, h, w), w, h,
                Range.of(Pictures.magnitude(sal.gradient(), c, h, w))).scaled(scale));
        float sigma = 0.15f * (float) (Range.of(x).max() - Range.of(x).min());
        float[] sg = Pictures.magnitude(gradients.smoothGrad(x, cls, 25, sigma, 1), c, h, w);
        write("smoothgrad.png", ColorMap.HOT.render(sg, w, h, Range.of(sg)).scaled(scale));

        InputGradients.NodeGradient ng = gradients.nodeGradient(x, layer, cls);
        FloatTensor a = ng.activation();
        GradCam.Result cam = GradCam.combine(a.sample(0), ng.gradient().sample(0), a.channels(), a.height(), a.width());
        float[] camUp = GradCam.resize(cam.map(), cam.height(), cam.width(), h, w);
        write("gradcam-" + layer + ".png", Pictures.overlay(input, camUp, ColorMap.HOT, 0.55).scaled(scale));

        int clsF = cls;
        Occlusion.Result occ = Occlusion.defaults().run(x, c, h, w, data.scaledConstant(0.5f), (imgs, n) -> {
            float[] logits = probe.logits(imgs, n);
            float[] s = new float[n];
            for (int k = 0; k < n; k++) {
                s[k] = logits[k * probe.classCount() + clsF];
            }
            return s;
        }, 64);
        write("occlusion.png", Pictures.overlay(input, occ.map(), ColorMap.HOT, 0.6).scaled(scale));

        ActivationMaximizer.Result am = ActivationMaximizer.defaults().run(gradients, layer, unit[0], 1, () -> false);
        write("activation-max-" + layer + "-" + unit[0] + ".png", Pictures.input(am.image(), c, h, w).scaled(scale));

        return new Report(data.raw().labels()[req.sample()], predicted, probs, top3(probs), cls, unit, rf, stats, List.copyOf(files));
    }

    static int[] top3(float[] p) {
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Float.compare(p[b], p[a]));
        int n = Math.min(3, p.length);
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            top[i] = idx[i];
        }
        return top;
    }

    private void write(String name, Raster r) throws IOException {
        BufferedImage img = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, r.width(), r.height(), r.argb(), 0, r.width());
        Path target = out.resolve(name);
        Path tmp = Files.createTempFile(out, "." + name, ".tmp");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        files.add(name);
    }
}
