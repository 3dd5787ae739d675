package org.convstudio.model.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.convstudio.model.Shape;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Layer;
import org.convstudio.model.layer.LayerType;
import org.convstudio.model.layer.ShapeMismatch;
import org.convstudio.model.layer.Window;

/**
 * Validates a network and infers its shapes, counts and receptive fields. Never throws for a bad
 * design: every problem becomes a {@link Problem} naming the block and saying what to do.
 */
public final class NetworkAnalyzer {

    /** Ids are what files, tables and messages use: keep them simple. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    /** Largest tensor a layer may ask for (elements); beyond it allocation fails on every device. */
    static final long MAX_TENSOR = Integer.MAX_VALUE;
    /** Memory above which training is likely to exhaust a laptop (weights, gradients, Adam state, batch 32). */
    static final long TRAINING_MEMORY_WARNING = 8L << 30;

    private NetworkAnalyzer() {
    }

    public static Analysis analyze(Network network) {
        return new Run(network).analyze();
    }

    /** State of one analysis. */
    private static final class Run {
        final Network net;
        final List<Problem> problems = new ArrayList<>();
        final Map<String, Node> byId = new LinkedHashMap<>();
        final Map<String, List<String>> edges = new HashMap<>(); // node -> valid inputs
        String inputId;

        Run(Network net) {
            this.net = net;
        }

        Analysis analyze() {
            checkIds();
            checkConnections();
            List<String> order = topologicalOrder();
            String outputId = findOutput(order);
            Map<String, NodeInfo> infos = infer(order);
            Totals totals = totals(infos);
            checkMemory(infos, totals);
            return new Analysis(net, order, infos, problems, totals, inputId, outputId);
        }

        void checkIds() {
            for (Node n : net.nodes()) {
                String id = n.id();
                if (!ID.matcher(id).matches()) {
                    String shown = id.isBlank() ? "A block without a name" : "The block named \"" + id + "\"";
                    problems.add(Problem.error(null, shown + " needs a name of 1 to 64 letters, digits, '_', '-' or '.' (like conv1)"));
                }
                if (byId.putIfAbsent(id, n) != null) {
                    problems.add(Problem.error(id, "two blocks share this name — rename one of them"));
                }
            }
        }

        void checkConnections() {
            List<String> inputs = new ArrayList<>();
            for (Node n : byId.values()) {
                LayerType type = n.layer().type();
                List<String> valid = new ArrayList<>();
                for (String in : n.inputs()) {
                    if (in.equals(n.id())) {
                        problems.add(Problem.error(n.id(), "it reads its own output — connect it to the block before it instead"));
                    } else if (!byId.containsKey(in)) {
                        problems.add(Problem.error(n.id(), "it reads \"" + in + "\", which does not exist — reconnect its input"));
                    } else if (valid.contains(in)) {
                        problems.add(Problem.error(n.id(), "it reads " + in + " twice — remove one of the two connections"));
                    } else {
                        valid.add(in);
                    }
                }
                edges.put(n.id(), valid);
                int count = valid.size();
                if (type == LayerType.INPUT) {
                    inputs.add(n.id());
                    if (!n.inputs().isEmpty()) {
                        problems.add(Problem.error(n.id(), "an Input block cannot read other blocks — remove its incoming connections"));
                    }
                } else if (count == 0 && n.inputs().isEmpty()) {
                    problems.add(Problem.error(n.id(), "nothing is connected to its input — drag a connection to it from the block that should feed it"));
                } else if (count < type.minInputs() && count == n.inputs().size()) {
                    problems.add(Problem.error(n.id(), "a " + type.title() + " block needs at least " + type.minInputs()
                            + " inputs but has " + count + " — connect another path to it"));
                } else if (count > type.maxInputs()) {
                    problems.add(Problem.error(n.id(), "it has " + count + " inputs but a " + type.title()
                            + " block reads only one — remove a connection, or merge the paths first with an Add or Concat block"));
                }
            }
            if (inputs.isEmpty()) {
                if (!byId.isEmpty()) {
                    problems.add(Problem.error(null, "The network has no Input block — add one from the palette and connect it to the first layer"));
                }
            } else {
                inputId = inputs.get(0);
                for (String extra : inputs.subList(1, inputs.size())) {
                    problems.add(Problem.error(extra, "the network already starts at " + inputId
                            + "; a network here has exactly one Input block — delete this one"));
                }
            }
        }

        /** Kahn's algorithm; nodes left over sit on or after a loop, which is reported. */
        List<String> topologicalOrder() {
            Map<String, Integer> missing = new HashMap<>();
            Map<String, List<String>> consumers = new HashMap<>();
            for (String id : byId.keySet()) {
                missing.put(id, edges.get(id).size());
                for (String in : edges.get(id)) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(id);
                }
            }
            Deque<String> ready = new ArrayDeque<>();
            for (String id : byId.keySet()) {
                if (missing.get(id) == 0) {
                    ready.add(id);
                }
            }
            List<String> order = new ArrayList<>();
            while (!ready.isEmpty()) {
                String id = ready.poll();
                order.add(id);
                for (String c : consumers.getOrDefault(id, List.of())) {
                    if (missing.merge(c, -1, Integer::sum) == 0) {
                        ready.add(c);
                    }
                }
            }
            if (order.size() < byId.size()) {
                Set<String> left = new HashSet<>(byId.keySet());
                order.forEach(left::remove);
                reportLoops(left);
            }
            return order;
        }

        void reportLoops(Set<String> left) {
            Set<String> reported = new HashSet<>();
            for (String start : left) {
                if (reported.contains(start)) {
                    continue;
                }
                List<String> cycle = findCycle(start, left);
                if (cycle.isEmpty() || cycle.stream().anyMatch(reported::contains)) {
                    continue;
                }
                String path = String.join(" → ", cycle) + " → " + cycle.get(0);
                for (String id : cycle) {
                    problems.add(Problem.error(id, "it is part of a loop (" + path
                            + "); data must flow one way from the input to the output — remove one of these connections"));
                }
                reported.addAll(cycle);
            }
        }

        /** Follows inputs backwards from {@code start} within {@code left} until a node repeats. */
        List<String> findCycle(String start, Set<String> left) {
            List<String> path = new ArrayList<>();
            Map<String, Integer> seenAt = new HashMap<>();
            String cur = start;
            while (cur != null && !seenAt.containsKey(cur)) {
                seenAt.put(cur, path.size());
                path.add(cur);
                String next = null;
                for (String in : edges.get(cur)) {
                    if (left.contains(in)) {
                        next = in;
                        break;
                    }
                }
                cur = next;
            }
            if (cur == null) {
                return List.of();
            }
            List<String> cycle = new ArrayList<>(path.subList(seenAt.get(cur), path.size()));
            java.util.Collections.reverse(cycle); // in the direction data flows
            return cycle;
        }

        /** The single block nothing reads; extra dead ends are reported where they are. */
        String findOutput(List<String> order) {
            Set<String> read = new HashSet<>();
            edges.values().forEach(read::addAll);
            List<String> sinks = order.stream().filter(id -> !read.contains(id)).toList();
            if (sinks.isEmpty()) {
                return null;
            }
            Map<String, Integer> depth = new HashMap<>();
            for (String id : order) {
                int d = edges.get(id).stream().mapToInt(i -> depth.getOrDefault(i, 0) + 1).max().orElse(0);
                if (!id.equals(inputId) && edges.get(id).isEmpty()) {
                    d = -1; // not fed by anything: never the real output
                }
                depth.put(id, d);
            }
            String output = sinks.get(0);
            for (String s : sinks) {
                if (depth.get(s) >= depth.get(output)) {
                    output = s;
                }
            }
            for (String s : sinks) {
                if (!s.equals(output) && !edges.get(s).isEmpty()) {
                    problems.add(Problem.error(s, "its output goes nowhere — connect it to the next block or delete it (a network ends in exactly one block, here "
                            + output + ")"));
                }
            }
            return output;
        }

        Map<String, NodeInfo> infer(List<String> order) {
            Map<String, NodeInfo> infos = new LinkedHashMap<>();
            Set<String> hasError = new HashSet<>();
            problems.stream().filter(p -> p.isError() && p.nodeId() != null).forEach(p -> hasError.add(p.nodeId()));
            for (String id : order) {
                Node node = byId.get(id);
                Layer layer = node.layer();
                List<String> inIds = edges.get(id);
                List<Shape> ins = new ArrayList<>();
                List<ReceptiveField> rfs = new ArrayList<>();
                boolean known = !hasError.contains(id) && inIds.size() >= layer.type().minInputs()
                        && inIds.size() <= layer.type().maxInputs();
                for (String in : inIds) {
                    NodeInfo i = infos.get(in);
                    if (i == null || !i.known()) {
                        known = false;
                        break;
                    }
                    ins.add(i.output());
                    rfs.add(i.receptiveField());
                }
                if (!known) {
                    infos.put(id, NodeInfo.unknown(id));
                    continue;
                }
                try {
                    Shape out = layer.outputShape(ins);
                    long trainable = layer.trainableParams(ins);
                    long buffers = layer.nonTrainableParams(ins);
                    if (!node.trainable()) { // a frozen block's parameters are stored, not learnt
                        buffers += trainable;
                        trainable = 0;
                    }
                    long macs = layer.macs(ins, out);
                    ReceptiveField rf = receptiveField(layer, ins, rfs);
                    infos.put(id, new NodeInfo(id, out, trainable, buffers, macs, out.elements(), rf));
                } catch (ArithmeticException e) {
                    problems.add(Problem.error(id, "its sizes are too large to count — use a smaller input, fewer filters or less padding"));
                    infos.put(id, NodeInfo.unknown(id));
                } catch (ShapeMismatch | IllegalArgumentException e) {
                    problems.add(Problem.error(id, e.getMessage()));
                    infos.put(id, NodeInfo.unknown(id));
                }
            }
            return infos;
        }

        static ReceptiveField receptiveField(Layer layer, List<Shape> ins, List<ReceptiveField> rfs) {
            if (rfs.isEmpty()) {
                return ReceptiveField.INPUT;
            }
            ReceptiveField in = rfs.get(0);
            for (ReceptiveField other : rfs.subList(1, rfs.size())) {
                in = in.union(other);
            }
            Window w = layer.window();
            if (w != null) {
                return new ReceptiveField(in.height().through(w.effectiveKernelH(), w.strideH(), w.padTop()),
                        in.width().through(w.effectiveKernelW(), w.strideW(), w.padLeft()), in.aligned());
            }
            if (layer.global() && !in.global()) {
                Shape s = ins.get(0);
                return new ReceptiveField(in.height().global(s.height()), in.width().global(s.width()), in.aligned());
            }
            return in;
        }

        Totals totals(Map<String, NodeInfo> infos) {
            long trainable = 0;
            long buffers = 0;
            long macs = 0;
            long acts = 0;
            for (NodeInfo i : infos.values()) {
                trainable += i.trainableParams();
                buffers += i.nonTrainableParams();
                macs += i.macs();
                acts += i.activations();
            }
            return new Totals(trainable, buffers, macs, acts);
        }

        void checkMemory(Map<String, NodeInfo> infos, Totals totals) {
            for (NodeInfo i : infos.values()) {
                if (i.trainableParams() > MAX_TENSOR) {
                    problems.add(Problem.error(i.id(), "it would need " + human(i.trainableParams())
                            + " weights, more than one tensor can hold — shrink its input (pooling before Flatten) or use fewer units or filters"));
                } else if (i.activations() > MAX_TENSOR) {
                    problems.add(Problem.error(i.id(), "its output holds " + human(i.activations())
                            + " values per image, more than one tensor can hold — use a smaller input or fewer filters"));
                }
            }
            // weights, gradients, Adam's two moments, and the copy of weights + moments kept to undo a NaN
            long training = totals.weightBytes() * 7 + totals.activationBytes(32) * 2;
            if (training > TRAINING_MEMORY_WARNING) {
                problems.add(Problem.warning(null, String.format(Locale.ROOT,
                        "Training this design needs about %.1f GB of memory (weights, gradients, optimiser state, a safety copy and a batch of 32), "
                                + "more than most laptops have — use fewer filters or units, or a smaller input", training / 1e9)));
            }
        }

        static String human(long n) {
            if (n >= 1_000_000_000L) {
                return String.format(Locale.ROOT, "%.1f billion", n / 1e9);
            }
            return String.format(Locale.ROOT, "%.1f million", n / 1e6);
        }
    }
}
