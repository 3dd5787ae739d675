package org.convstudio.analysis.lesson;

import static org.convstudio.analysis.lesson.ParameterExplosionLesson.f;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Add;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.preset.GoogLeNet;
import org.convstudio.model.preset.Presets;

/**
 * The course's case studies with every count from the model code: LeNet-5's C3 table, AlexNet's first
 * layer and where its 60 million parameters are, VGG-16, GoogLeNet's inception modules and ResNet-18's
 * shortcuts. Each step names the preset to open in the designer.
 */
public final class CaseStudiesLesson implements Lesson {

    public static final String ID = "case-studies";

    /** The preset each step is about, in step order (what "Open in the designer" opens). */
    public static final List<String> STEP_PRESETS = List.of("lenet5", "alexnet", "alexnet", "vgg16", "googlenet", "resnet18");

    private Analysis lenet5;
    private Analysis alexnet;
    private Analysis vgg16;
    private Analysis googlenet;
    private Analysis resnet18;

    /** The five presets are analysed on first use, so listing the lessons stays instant. */
    private synchronized void analyzeAll() {
        if (lenet5 == null) {
            lenet5 = analyze("lenet5");
            alexnet = analyze("alexnet");
            vgg16 = analyze("vgg16");
            googlenet = analyze("googlenet");
            resnet18 = analyze("resnet18");
        }
    }

    private static Analysis analyze(String preset) {
        return NetworkAnalyzer.analyze(Presets.get(preset));
    }

    private static long params(Analysis a, String id) {
        return a.info(id).map(NodeInfo::params).orElseThrow();
    }

    /** Parameters of all dense layers of a network. */
    static long denseParams(Analysis a) {
        long n = 0;
        for (Node node : a.network().nodes()) {
            if (node.layer() instanceof Dense) {
                n += params(a, node.id());
            }
        }
        return n;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Case studies";
    }

    @Override
    public String summary() {
        return "LeNet-5's C3 table, AlexNet (conv1 = 34,944; where the 60 M are), VGG-16, GoogLeNet's inception, ResNet-18's skips";
    }

    @Override
    public Map<String, Object> numbers() {
        analyzeAll();
        Map<String, Object> n = new LinkedHashMap<>();
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("c3Params", params(lenet5, "c3"));
        l.put("c3Connections", ((Conv2d) lenet5.network().node("c3").orElseThrow().layer()).connections().stream()
                .mapToInt(List::size).sum());
        l.put("totalParams", lenet5.totals().params());
        n.put("lenet5", l);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("conv1Params", params(alexnet, "conv1"));
        a.put("conv1Output", alexnet.info("conv1").orElseThrow().output().dims());
        a.put("totalParams", alexnet.totals().params());
        a.put("denseParams", denseParams(alexnet));
        a.put("convParams", alexnet.totals().params() - denseParams(alexnet));
        a.put("fc6Params", params(alexnet, "fc6"));
        n.put("alexnet", a);
        n.put("vgg16", Nums.of("totalParams", vgg16.totals().params(), "denseParams", denseParams(vgg16)));
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("totalParams", googlenet.totals().params());
        Map<String, Object> modules = new LinkedHashMap<>();
        for (GoogLeNet.Module m : GoogLeNet.MODULES) {
            modules.put(m.name(), moduleParams(m));
        }
        g.put("inceptionParams", modules);
        n.put("googlenet", g);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("trainableParams", resnet18.totals().trainableParams());
        r.put("shortcuts", shortcuts());
        r.put("projectionShortcuts", projectionShortcuts());
        n.put("resnet18", r);
        return n;
    }

    private long moduleParams(GoogLeNet.Module m) {
        long n = 0;
        for (String s : new String[] {"1x1", "3x3_reduce", "3x3", "5x5_reduce", "5x5", "pool_proj"}) {
            n += params(googlenet, "inception_" + m.name() + "." + s);
        }
        return n;
    }

    private long shortcuts() {
        return resnet18.network().nodes().stream().filter(nd -> nd.layer() instanceof Add).count();
    }

    private long projectionShortcuts() {
        return resnet18.network().nodes().stream().filter(nd -> nd.id().endsWith(".downsample.0")).count();
    }

    @Override
    public List<LessonStep> steps() {
        analyzeAll();
        List<LessonStep> s = new ArrayList<>();
        Conv2d c3 = (Conv2d) lenet5.network().node("c3").orElseThrow().layer();
        double[][] table = new double[6][16];
        for (int f = 0; f < 16; f++) {
            for (int ch : c3.connections().get(f)) {
                table[ch][f] = 1;
            }
        }
        s.add(new LessonStep("LeNet-5 (1998) — preset lenet5",
                "C3's 16 maps each read only some of S2's 6 maps (a filled cell: map in the column reads map in the row): "
                        + "maps 0–5 read 3, maps 6–14 read 4, map 15 reads all 6. That keeps C3 at " + f(params(lenet5, "c3"))
                        + " parameters and makes the maps differ. The whole network has " + f(lenet5.totals().params()) + ".",
                Nums.of("c3Params", params(lenet5, "c3"), "totalParams", lenet5.totals().params()),
                new Drawing.Grid("C3 connection table (rows: S2 maps, columns: C3 maps)", table, false, false, List.of())));
        long conv1 = params(alexnet, "conv1");
        s.add(new LessonStep("AlexNet (2012), first layer — preset alexnet",
                "96 filters of 11×11×3 with stride 4 turn the 227×227×3 image into 55×55×96: (11 × 11 × 3 + 1) × 96 = "
                        + f(conv1) + " parameters. The first 3×3 max pool has none.",
                Nums.of("conv1Params", conv1, "conv1Output", alexnet.info("conv1").orElseThrow().output().dims()),
                new Drawing.Lines(List.of("(11 × 11 × 3 + 1) × 96 = " + f(conv1),
                        "227 × 227 × 3  →  55 × 55 × 96", "floor((227 − 11) / 4) + 1 = 55"))));
        long dense = denseParams(alexnet);
        long total = alexnet.totals().params();
        List<String> labels = List.of("conv1–conv5", "fc6", "fc7", "fc8");
        List<Double> values = List.of((double) (total - dense), (double) params(alexnet, "fc6"),
                (double) params(alexnet, "fc7"), (double) params(alexnet, "fc8"));
        s.add(new LessonStep("Where AlexNet's 60 million parameters are",
                "Of " + f(total) + " parameters, the three fully connected layers hold " + f(dense) + " ("
                        + Math.round(100.0 * dense / total) + " %); fc6 alone has " + f(params(alexnet, "fc6"))
                        + ". The five convolutions, which do the seeing, need only " + f(total - dense)
                        + ". Remove the dense layers and the network shrinks " + Math.round((double) total / (total - dense))
                        + " times — the idea later networks followed.",
                Nums.of("totalParams", total, "denseParams", dense, "convParams", total - dense),
                new Drawing.Bars("AlexNet parameters by layer", labels, values, false)));
        s.add(new LessonStep("VGG-16 (2014) — preset vgg16",
                "Only 3×3 convolutions, stacked: two of them see 5×5, three see 7×7, with fewer weights than one big kernel. "
                        + f(vgg16.totals().params()) + " parameters, " + f(denseParams(vgg16)) + " of them in the three dense layers.",
                Nums.of("totalParams", vgg16.totals().params(), "denseParams", denseParams(vgg16)),
                new Drawing.Lines(List.of("13 convolutions 3×3 + 3 dense layers", "parameters " + f(vgg16.totals().params()),
                        "3 × (3×3×C×C) = 27 C²  <  7×7×C×C = 49 C²"))));
        List<List<String>> rows = new ArrayList<>();
        for (GoogLeNet.Module m : GoogLeNet.MODULES) {
            var out = googlenet.info(m.concatId()).orElseThrow().output();
            rows.add(List.of(m.name(), out.height() + "×" + out.width() + "×" + out.channels(), Integer.toString(m.c1x1()),
                    m.reduce3() + "→" + m.c3x3(), m.reduce5() + "→" + m.c5x5(), Integer.toString(m.poolProj()),
                    f(moduleParams(m))));
        }
        s.add(new LessonStep("GoogLeNet (2014) — preset googlenet",
                "An inception module runs four paths on the same input — 1×1, 3×3 and 5×5 convolutions and a max pool — and stacks "
                        + "their outputs. 1×1 convolutions first shrink the channels so the 3×3 and 5×5 paths stay cheap. 22 layers "
                        + "with parameters and " + f(googlenet.totals().params()) + " parameters, nine times fewer than AlexNet.",
                Nums.of("totalParams", googlenet.totals().params()),
                new Drawing.Table("inception modules (Szegedy et al. 2014, Table 1)",
                        List.of("module", "output", "1×1", "3×3", "5×5", "pool proj", "params"), rows)));
        s.add(new LessonStep("ResNet-18 (2015) — preset resnet18",
                "Each pair of 3×3 convolutions gets a shortcut: the block's input is added to its output, so the gradient has a "
                        + "direct path back and very deep networks still train. ResNet-18 has " + shortcuts() + " shortcuts ("
                        + projectionShortcuts() + " with a 1×1 convolution where the size changes) and "
                        + f(resnet18.totals().trainableParams()) + " trainable parameters.",
                Nums.of("shortcuts", shortcuts(), "projectionShortcuts", projectionShortcuts(),
                        "trainableParams", resnet18.totals().trainableParams()),
                new Drawing.Lines(List.of("output = F(x) + x", shortcuts() + " shortcuts, " + projectionShortcuts() + " with 1×1 projection",
                        "parameters " + f(resnet18.totals().trainableParams())))));
        return s;
    }
}
