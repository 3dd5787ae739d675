package org.convstudio.analysis.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Flatten;
import org.convstudio.model.layer.Input;

/**
 * A fully connected layer on a whole image against a convolution on it, both counted by the model's
 * analyzer: the lecture's 200×200 image with 1,000 hidden units needs 40,000,000 weights.
 */
public final class ParameterExplosionLesson implements Lesson {

    public static final String ID = "parameter-explosion";

    /** What the teacher chooses: the image, the hidden layer and the convolution it is compared with. */
    public record Setup(int channels, int height, int width, int hiddenUnits, int filters, int kernel) {

        public static final Setup LECTURE = new Setup(1, 200, 200, 1000, 10, 5);

        public Setup {
            if (channels < 1 || height < 1 || width < 1 || hiddenUnits < 1 || filters < 1 || kernel < 1) {
                throw new IllegalArgumentException("image size, hidden units, filters and kernel must all be at least 1");
            }
            if (kernel > Math.min(height, width)) {
                throw new IllegalArgumentException("the " + kernel + "×" + kernel + " kernel is larger than the "
                        + height + "×" + width + " image — choose a smaller kernel");
            }
        }
    }

    private final Setup setup;
    private final long inputs;
    private final long mlpWeights;
    private final long mlpParams;
    private final long convWeights;
    private final long convParams;
    private final long convUnits;
    private final Network mlp;
    private final Network cnn;

    public ParameterExplosionLesson(Setup setup) {
        this.setup = setup;
        Input in = new Input(setup.channels(), setup.height(), setup.width());
        mlp = new Network("MLP", List.of(Node.of("input", in), Node.of("flatten", new Flatten(), "input"),
                Node.of("hidden", Dense.of(setup.hiddenUnits()), "flatten")));
        cnn = new Network("CNN", List.of(Node.of("input", in),
                Node.of("conv", Conv2d.of(setup.filters(), setup.kernel()), "input")));
        Analysis a = NetworkAnalyzer.analyze(mlp);
        Analysis c = NetworkAnalyzer.analyze(cnn);
        if (!a.isValid() || !c.isValid()) {
            throw new IllegalArgumentException(!a.isValid() ? a.errors().get(0).message() : c.errors().get(0).message());
        }
        inputs = a.inputShape().orElseThrow().elements();
        mlpParams = a.info("hidden").orElseThrow().params();
        mlpWeights = mlpParams - setup.hiddenUnits();
        convParams = c.info("conv").orElseThrow().params();
        convWeights = convParams - setup.filters();
        convUnits = c.info("conv").orElseThrow().output().elements();
    }

    public ParameterExplosionLesson() {
        this(Setup.LECTURE);
    }

    public Setup setup() {
        return setup;
    }

    public long mlpWeights() {
        return mlpWeights;
    }

    public long convParams() {
        return convParams;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Parameter explosion";
    }

    @Override
    public String summary() {
        return "Weights of a fully connected layer on a whole image versus a convolution (200×200, 1,000 units: 40,000,000)";
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("image", List.of(setup.channels(), setup.height(), setup.width()));
        n.put("inputUnits", inputs);
        n.put("hiddenUnits", setup.hiddenUnits());
        n.put("mlpWeights", mlpWeights);
        n.put("mlpConnections", mlpWeights);
        n.put("mlpParams", mlpParams);
        n.put("convFilters", setup.filters());
        n.put("convKernel", setup.kernel());
        n.put("convWeights", convWeights);
        n.put("convParams", convParams);
        n.put("convHiddenUnits", convUnits);
        n.put("ratio", (double) mlpParams / convParams);
        return n;
    }

    @Override
    public List<LessonStep> steps() {
        String img = setup.height() + "×" + setup.width() + (setup.channels() > 1 ? "×" + setup.channels() : "");
        int k = setup.kernel();
        Map<String, Object> n1 = new LinkedHashMap<>();
        n1.put("inputUnits", inputs);
        n1.put("hiddenUnits", setup.hiddenUnits());
        n1.put("mlpWeights", mlpWeights);
        LessonStep one = new LessonStep("Every pixel to every unit",
                "A fully connected layer links each of the " + f(inputs) + " input values of a " + img + " image to each of its "
                        + f(setup.hiddenUnits()) + " hidden units: " + f(inputs) + " × " + f(setup.hiddenUnits()) + " = "
                        + f(mlpWeights) + " weights to learn (" + f(mlpParams) + " with one bias per unit), for a single layer.",
                n1, new Drawing.Lines(List.of(
                        "input units   " + f(inputs),
                        "hidden units  " + f(setup.hiddenUnits()),
                        "weights       " + f(inputs) + " × " + f(setup.hiddenUnits()) + " = " + f(mlpWeights))));
        Map<String, Object> n2 = new LinkedHashMap<>();
        n2.put("convWeights", convWeights);
        n2.put("convParams", convParams);
        n2.put("convHiddenUnits", convUnits);
        LessonStep two = new LessonStep("A small filter, shared everywhere",
                "A convolution looks at " + k + "×" + k + " patches only and uses the same weights at every position. "
                        + setup.filters() + " filters of " + k + "×" + k + (setup.channels() > 1 ? "×" + setup.channels() : "")
                        + " need " + f(convWeights) + " weights plus " + setup.filters() + " biases = " + f(convParams)
                        + " parameters, whatever the image size — and they still produce " + f(convUnits) + " hidden values.",
                n2, new Drawing.Lines(List.of(
                        "filters       " + setup.filters() + " × (" + k + "×" + k
                                + (setup.channels() > 1 ? "×" + setup.channels() : "") + " + 1) = " + f(convParams),
                        "hidden values " + f(convUnits))));
        Map<String, Object> n3 = new LinkedHashMap<>();
        n3.put("mlpParams", mlpParams);
        n3.put("convParams", convParams);
        n3.put("ratio", (double) mlpParams / convParams);
        LessonStep three = new LessonStep("Side by side",
                "On a logarithmic scale: the fully connected layer needs about " + f(Math.round((double) mlpParams / convParams))
                        + " times more parameters. More parameters need more data and more time, and over-fit more easily.",
                n3, new Drawing.Bars("parameters (log scale)", List.of("fully connected", "convolution"),
                        List.of((double) mlpParams, (double) convParams), true));
        return List.of(one, two, three);
    }

    static String f(long v) {
        return String.format(java.util.Locale.ROOT, "%,d", v);
    }
}
