package org.convstudio.analysis.lesson;

import static org.convstudio.analysis.lesson.Grids.fmt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Back-propagation by hand on the course's 2-2-2-1 sigmoid network: the forward pass, the error signals
 * (deltas) flowing back, and the weight update — every number from the {@link BackpropSolver}.
 */
public final class BackpropLesson implements Lesson {

    public static final String ID = "backprop";
    private static final String[] X = {"x1", "x2"};
    private static final String[] L1 = {"h1", "h2"};
    private static final String[] L2 = {"h3", "h4"};

    private final BackpropProblem problem;
    private final BackpropSolver solver;
    private BackpropTrace t;

    /** The solver runs on first use of the numbers or steps (listing lessons starts no engine). */
    public BackpropLesson(BackpropProblem problem, BackpropSolver solver) {
        this.problem = problem;
        this.solver = solver;
    }

    private synchronized BackpropTrace solved() {
        if (t == null) {
            t = solver.solve(problem);
        }
        return t;
    }

    public BackpropProblem problem() {
        return problem;
    }

    public BackpropTrace trace() {
        return solved();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Backpropagation by hand";
    }

    @Override
    public String summary() {
        return "A 2-2-2-1 sigmoid network, one example: forward values, deltas and updated weights from real autograd";
    }

    @Override
    public Map<String, Object> numbers() {
        solved();
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("input", List.of(problem.x()[0], problem.x()[1]));
        n.put("target", problem.target());
        n.put("learningRate", problem.rate());
        n.put("forward", forward());
        n.put("deltas", deltas());
        n.put("updatedWeights", weights(t.w1After(), t.w2After(), t.w3After()));
        n.put("loss", t.loss());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("h1", t.a1After()[0]);
        after.put("h2", t.a1After()[1]);
        after.put("y", t.outputAfter());
        n.put("afterUpdate", after);
        return n;
    }

    private Map<String, Object> forward() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("h1", t.a1()[0]);
        f.put("h2", t.a1()[1]);
        f.put("h3", t.a2()[0]);
        f.put("h4", t.a2()[1]);
        f.put("y", t.output());
        return f;
    }

    private Map<String, Object> deltas() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("y", t.delta3());
        d.put("h3", t.delta2()[0]);
        d.put("h4", t.delta2()[1]);
        d.put("h1", t.delta1()[0]);
        d.put("h2", t.delta1()[1]);
        return d;
    }

    /** Weights keyed "from,to" as on the slides: "x1,h1", "h3,y"... */
    static Map<String, Object> weights(double[][] w1, double[][] w2, double[] w3) {
        Map<String, Object> w = new LinkedHashMap<>();
        for (int to = 0; to < 2; to++) {
            for (int from = 0; from < 2; from++) {
                w.put(X[from] + "," + L1[to], w1[to][from]);
            }
        }
        for (int to = 0; to < 2; to++) {
            for (int from = 0; from < 2; from++) {
                w.put(L1[from] + "," + L2[to], w2[to][from]);
            }
        }
        w.put("h3,y", w3[0]);
        w.put("h4,y", w3[1]);
        return w;
    }

    @Override
    public List<LessonStep> steps() {
        solved();
        List<LessonStep> s = new ArrayList<>();
        double[] x = problem.x();
        s.add(new LessonStep("The network", "Two inputs, two hidden layers of two sigmoid units and one output. "
                + "Each arrow carries a weight; a unit adds up its inputs times their weights and squashes the sum "
                + "with the sigmoid g(z) = 1 / (1 + e^−z). We train it on one example and watch every number.",
                Nums.of("input", List.of(x[0], x[1]), "target", problem.target(), "learningRate", problem.rate()),
                graph(problem.w1(), problem.w2(), problem.w3(), Nums.of("x1", fmt(x[0]), "x2", fmt(x[1])), List.of())));
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("x1", fmt(x[0]));
        notes.put("x2", fmt(x[1]));
        String[][] forwardUnits = {{"h1", "h2"}, {"h3", "h4"}, {"y"}};
        for (int layer = 0; layer < 3; layer++) {
            List<String> lines = new ArrayList<>();
            Map<String, Object> nums = new LinkedHashMap<>();
            for (int u = 0; u < forwardUnits[layer].length; u++) {
                String unit = forwardUnits[layer][u];
                double a = layer == 0 ? t.a1()[u] : layer == 1 ? t.a2()[u] : t.output();
                double in = layer == 0 ? t.in1()[u] : layer == 1 ? t.in2()[u] : t.in3();
                lines.add(unit + " = g(" + sumTerms(layer, u) + ") = g(" + fmt(in) + ") = " + fmt(a));
                notes.put(unit, fmt(a));
                nums.put(unit, a);
            }
            s.add(new LessonStep("Forward, layer " + (layer + 1), String.join("\n", lines)
                    + "\nThe values move left to right; nothing is learned yet.", nums,
                    graph(problem.w1(), problem.w2(), problem.w3(), Map.copyOf(notes), List.of(forwardUnits[layer]))));
        }
        Map<String, String> deltaNotes = new LinkedHashMap<>();
        deltaNotes.put("y", "Δ " + fmt(t.delta3()));
        s.add(new LessonStep("The output's error", "The output should be " + fmt(problem.target()) + " but is "
                + fmt(t.output()) + ". Its error signal is Δy = target − output = " + fmt(t.delta3())
                + " (with the cross-entropy loss the sigmoid's slope cancels out here).",
                Nums.of("y", t.delta3()), graph(problem.w1(), problem.w2(), problem.w3(), Map.copyOf(deltaNotes), List.of("y"))));
        Map<String, Object> d2 = new LinkedHashMap<>();
        List<String> l2 = new ArrayList<>();
        for (int u = 0; u < 2; u++) {
            double a = t.a2()[u];
            l2.add("Δ" + L2[u] + " = " + fmt(a) + " × (1 − " + fmt(a) + ") × " + fmt(problem.w3()[u]) + " × "
                    + fmt(t.delta3()) + " = " + fmt(t.delta2()[u]));
            deltaNotes.put(L2[u], "Δ " + fmt(t.delta2()[u]));
            d2.put(L2[u], t.delta2()[u]);
        }
        s.add(new LessonStep("Backward, second hidden layer", String.join("\n", l2)
                + "\nEach unit gets the error of the unit it feeds, times the weight between them, times its own slope g·(1 − g).",
                d2, graph(problem.w1(), problem.w2(), problem.w3(), Map.copyOf(deltaNotes), List.of(L2))));
        Map<String, Object> d1 = new LinkedHashMap<>();
        List<String> l1 = new ArrayList<>();
        for (int u = 0; u < 2; u++) {
            double a = t.a1()[u];
            l1.add("Δ" + L1[u] + " = " + fmt(a) + " × (1 − " + fmt(a) + ") × (" + fmt(problem.w2()[0][u]) + " × "
                    + fmt(t.delta2()[0]) + " + " + fmt(problem.w2()[1][u]) + " × " + fmt(t.delta2()[1]) + ") = "
                    + fmt(t.delta1()[u]));
            deltaNotes.put(L1[u], "Δ " + fmt(t.delta1()[u]));
            d1.put(L1[u], t.delta1()[u]);
        }
        s.add(new LessonStep("Backward, first hidden layer", String.join("\n", l1)
                + "\nA unit feeding two others adds up both of their errors.", d1,
                graph(problem.w1(), problem.w2(), problem.w3(), Map.copyOf(deltaNotes), List.of(L1))));
        s.add(new LessonStep("Update the weights", updateText(), weights(t.w1After(), t.w2After(), t.w3After()),
                graph(t.w1After(), t.w2After(), t.w3After(), Map.copyOf(deltaNotes), List.of())));
        Map<String, String> after = new LinkedHashMap<>();
        after.put("x1", fmt(x[0]));
        after.put("x2", fmt(x[1]));
        after.put("h1", fmt(t.a1After()[0]));
        after.put("h2", fmt(t.a1After()[1]));
        after.put("y", fmt(t.outputAfter()));
        s.add(new LessonStep("Forward again", "With the new weights, h1 = g(" + fmt(t.w1After()[0][0]) + " × " + fmt(x[0])
                + " + " + fmt(t.w1After()[0][1]) + " × " + fmt(x[1]) + ") = " + fmt(t.a1After()[0])
                + ". The output moved from " + fmt(t.output()) + " to " + fmt(t.outputAfter()) + ", closer to the target "
                + fmt(problem.target()) + ". Training repeats this for every example, many times.",
                Nums.of("h1", t.a1After()[0], "y", t.outputAfter()),
                graph(t.w1After(), t.w2After(), t.w3After(), after, List.of("h1", "y"))));
        return s;
    }

    private String sumTerms(int layer, int unit) {
        double[] w = layer == 0 ? problem.w1()[unit] : layer == 1 ? problem.w2()[unit] : problem.w3();
        double[] in = layer == 0 ? problem.x() : layer == 1 ? t.a1() : t.a2();
        return fmt(w[0]) + " × " + fmt(in[0]) + " + " + fmt(w[1]) + " × " + fmt(in[1]);
    }

    private String updateText() {
        double r = problem.rate();
        return "Every weight moves by α × (value flowing in) × (Δ of the unit it feeds), with α = " + fmt(r) + ":\n"
                + "w(x1,h1) = " + fmt(problem.w1()[0][0]) + " + " + fmt(r) + " × " + fmt(problem.x()[0]) + " × "
                + fmt(t.delta1()[0]) + " = " + fmt(t.w1After()[0][0]) + "\n"
                + "w(h3,y) = " + fmt(problem.w3()[0]) + " + " + fmt(r) + " × " + fmt(t.a2()[0]) + " × " + fmt(t.delta3())
                + " = " + fmt(t.w3After()[0]) + "\nThe other eight weights change the same way (written on the arrows).";
    }

    private static String note(Map<String, ?> notes, String id) {
        return notes.containsKey(id) ? String.valueOf(notes.get(id)) : "";
    }

    private static Drawing.Graph graph(double[][] w1, double[][] w2, double[] w3, Map<String, ?> notes,
                                       List<String> highlight) {
        List<Drawing.GraphNode> nodes = new ArrayList<>();
        double[] ys = {0.08, 0.92};
        for (int i = 0; i < 2; i++) {
            nodes.add(new Drawing.GraphNode(X[i], 0.08, ys[i], X[i], note(notes, X[i])));
            nodes.add(new Drawing.GraphNode(L1[i], 0.36, ys[i], L1[i], note(notes, L1[i])));
            nodes.add(new Drawing.GraphNode(L2[i], 0.64, ys[i], L2[i], note(notes, L2[i])));
        }
        nodes.add(new Drawing.GraphNode("y", 0.92, 0.5, "y", note(notes, "y")));
        List<Drawing.GraphEdge> edges = new ArrayList<>();
        for (int to = 0; to < 2; to++) {
            for (int from = 0; from < 2; from++) {
                edges.add(new Drawing.GraphEdge(X[from], L1[to], fmt(w1[to][from])));
                edges.add(new Drawing.GraphEdge(L1[from], L2[to], fmt(w2[to][from])));
            }
        }
        edges.add(new Drawing.GraphEdge("h3", "y", fmt(w3[0])));
        edges.add(new Drawing.GraphEdge("h4", "y", fmt(w3[1])));
        return new Drawing.Graph(nodes, edges, highlight);
    }
}
