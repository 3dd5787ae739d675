package org.convstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convstudio.model.Shape;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.analysis.Problem;
import org.convstudio.model.analysis.ReceptiveField;
import org.convstudio.model.analysis.Totals;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "summary", mixinStandardHelpOptions = true, description = "Print a network's layers with output shapes, parameters, MACs and receptive fields.")
final class SummaryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<preset-id|file>", description = "A preset id (see 'presets') or a .convnet.json file.")
    String network;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Network net = NetworkArgument.load(network);
        Analysis a = NetworkAnalyzer.analyze(net);
        PrintWriter err = spec.commandLine().getErr();
        for (Problem p : a.problems()) {
            err.println((p.isError() ? "error: " : "warning: ") + p.message());
        }
        err.flush();
        if (!a.isValid()) {
            err.println("The design \"" + net.name() + "\" is not valid (" + a.errors().size() + " problem"
                    + (a.errors().size() == 1 ? "" : "s") + "); fix the blocks named above.");
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(m.writeValueAsString(toJson(a, m)));
        } else {
            printTable(a, out);
        }
        out.flush();
        return 0;
    }

    static ObjectNode toJson(Analysis a, ObjectMapper m) {
        ObjectNode root = m.createObjectNode();
        root.put("name", a.network().name());
        ArrayNode input = root.putArray("input");
        a.inputShape().ifPresent(s -> s.dims().forEach(input::add));
        ArrayNode layers = root.putArray("layers");
        for (String id : a.order()) {
            NodeInfo i = a.infos().get(id);
            Node n = a.network().node(id).orElseThrow();
            ObjectNode l = layers.addObject();
            l.put("id", id);
            l.put("type", n.layer().type().id());
            ArrayNode ins = l.putArray("inputs");
            n.inputs().forEach(ins::add);
            ArrayNode out = l.putArray("output");
            i.output().dims().forEach(out::add);
            l.put("params", i.params());
            l.put("trainableParams", i.trainableParams());
            l.put("macs", i.macs());
            ReceptiveField rf = i.receptiveField();
            l.put("rf", rf.height().size());
            if (rf.global()) {
                l.putNull("jump");
            } else {
                l.put("jump", rf.height().jump());
            }
            l.putArray("rfSize").add(rf.height().size()).add(rf.width().size());
            l.putArray("rfStart").add(rf.height().start()).add(rf.width().start());
            if (rf.global()) {
                l.putNull("rfJump");
            } else {
                l.putArray("rfJump").add(rf.height().jump()).add(rf.width().jump());
            }
        }
        Totals t = a.totals();
        root.put("totalParams", t.params());
        root.put("trainableParams", t.trainableParams());
        root.put("nonTrainableParams", t.nonTrainableParams());
        root.put("totalMacs", t.macs());
        root.put("weightBytes", t.weightBytes());
        root.put("activationBytesPerSample", t.activationBytes(1));
        ArrayNode out = root.putArray("output");
        a.outputShape().ifPresent(s -> s.dims().forEach(out::add));
        ArrayNode warnings = root.putArray("warnings");
        a.warnings().forEach(w -> warnings.add(w.message()));
        return root;
    }

    static void printTable(Analysis a, PrintWriter out) {
        String fmt = "%-22s %-14s %-14s %13s %15s %9s %6s%n";
        out.println("Network: " + a.network().name());
        out.printf(fmt, "Node", "Type", "Output", "Params", "MACs", "RF", "Jump");
        out.println("-".repeat(99));
        for (String id : a.order()) {
            NodeInfo i = a.infos().get(id);
            Node n = a.network().node(id).orElseThrow();
            ReceptiveField rf = i.receptiveField();
            String size = rf.height().size() == rf.width().size() ? Long.toString(rf.height().size())
                    : rf.height().size() + "×" + rf.width().size();
            out.printf(fmt, clip(id, 22), clip(n.layer().type().id(), 14), shape(i.output()), group(i.params()),
                    group(i.macs()), size, rf.global() ? "-" : Long.toString(rf.height().jump()));
        }
        out.println("-".repeat(99));
        Totals t = a.totals();
        out.println("Total params:         " + group(t.params()));
        out.println("Trainable params:     " + group(t.trainableParams()));
        out.println("Non-trainable params: " + group(t.nonTrainableParams()));
        out.println("MACs per image:       " + group(t.macs()) + String.format(Locale.ROOT, " (%.3f G)", t.macs() / 1e9));
        out.println("Weight memory:        " + bytes(t.weightBytes()));
        out.println("Activations / image:  " + bytes(t.activationBytes(1)));
    }

    private static String shape(Shape s) {
        return s.toString().replace('×', 'x');
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    static String group(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.2f MiB", b / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }
}
