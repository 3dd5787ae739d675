package org.convstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.probe.InspectionData;
import org.convstudio.engine.probe.InspectionModel;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.model.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Look inside a network for one validation image: writes feature maps, filters, receptive fields,",
            "saliency, SmoothGrad, Grad-CAM, occlusion and activation-maximisation images (PNG) to --out.",
            "A preset or design file without weights is inspected at its initialisation."})
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<run-folder|preset-id|file>",
            description = "A run folder (its saved weights), a preset id or a .convnet.json file.")
    String target;

    @Option(names = "--sample", required = true, description = "Index of the validation image to inspect (from 0).")
    int sample;

    @Option(names = "--data",
            description = "Images: mnist-sample | idx:DIR | folder:DIR | mnist | fashion-mnist | cifar10 (default: a run folder's "
                    + "own data set, as its data.json records it; otherwise mnist-sample)")
    String data;

    static final String DEFAULT_DATA = "mnist-sample";

    /** The data set the images came from (for --json). */
    private String usedData = DEFAULT_DATA;

    @Option(names = "--layer", description = "Block for receptive fields, Grad-CAM and activation maximisation (default: the last convolution).")
    String layer;

    @Option(names = "--unit", description = "Unit C,Y,X of --layer (channel, row, column; default: channel 0 at the centre).")
    String unit;

    @Option(names = "--class", description = "Class to explain (default: the predicted class).")
    Integer cls;

    @Option(names = "--out", required = true, description = "Folder for the PNG files (created).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the initial weights (presets and files). Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print one JSON object: prediction, per-layer activation statistics, receptive field.")
    boolean json;

    @Spec
    CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (InspectionModel model = open()) {
            if (!model.trained()) {
                err.println("note: " + model.network().name() + " has no trained weights here; inspecting it at its initialisation (seed "
                        + seed + ")");
                err.flush();
            }
            int[] chw = model.call((p, g) -> p.inputShape());
            InspectionData images;
            try {
                Path run = Path.of(target);
                if (data == null && Files.isDirectory(run)) {
                    var r = org.convstudio.engine.run.RunDataSource.loadFor(run,
                            new org.convstudio.engine.data.ImageShape(chw[0], chw[1], chw[2]), DEFAULT_DATA);
                    images = InspectionData.forSplit(r.split(), model, chw, r.note());
                    usedData = r.spec();
                    err.println("note: data: " + r.note());
                    err.flush();
                } else {
                    usedData = data == null ? DEFAULT_DATA : data;
                    images = InspectionData.load(usedData, model, chw);
                }
            } catch (DatasetException e) {
                throw new UserError(e.getMessage());
            }
            if (sample < 0 || sample >= images.raw().size()) {
                throw new UserError("--sample " + sample + " is outside the validation set (0 to "
                        + (images.raw().size() - 1) + ")");
            }
            try {
                Files.createDirectories(out);
            } catch (java.io.IOException e) {
                throw new UserError("Cannot create the folder " + out + ": " + e.getMessage());
            }
            InspectRenderer.Request request = new InspectRenderer.Request(sample, layer, parseUnit(unit), cls);
            InspectRenderer.Report report;
            try {
                report = model.call((p, g) -> new InspectRenderer(p, g, images, out).render(request));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            if (json) {
                stdout.println(JSON.writeValueAsString(toJson(model, images, report)));
            } else {
                stdout.printf(java.util.Locale.ROOT, "%s, sample %d (label %s): predicted %s (%.1f %%)%n", model.source(), sample,
                        name(images, report.label()), name(images, report.predicted()), 100 * report.probabilities()[report.predicted()]);
                for (String f : report.files()) {
                    stdout.println("wrote " + out.resolve(f));
                }
            }
            stdout.flush();
            return 0;
        }
    }

    private InspectionModel open() {
        Path p = Path.of(target);
        if (Files.isDirectory(p)) {
            if (!Files.isRegularFile(p.resolve(RunFolder.CONFIG)) && !Files.isRegularFile(p.resolve(RunFolder.WEIGHTS))) {
                throw new UserError(target + " is a folder but not a run folder (no " + RunFolder.CONFIG + "): name a run folder, a preset or a .convnet.json file");
            }
            try {
                return InspectionModel.openRun(p);
            } catch (java.io.IOException e) {
                throw new UserError(e.getMessage());
            }
        }
        Network net = NetworkArgument.load(target);
        try {
            return InspectionModel.open(net, seed);
        } catch (IllegalArgumentException e) {
            throw new UserError("The design \"" + net.name() + "\" cannot be inspected: " + e.getMessage());
        }
    }

    static int[] parseUnit(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new UserError("--unit takes channel,row,column like 0,5,5 (got \"" + text + "\")");
        }
        try {
            return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()), Integer.parseInt(parts[2].strip())};
        } catch (NumberFormatException e) {
            throw new UserError("--unit takes three whole numbers channel,row,column like 0,5,5 (got \"" + text + "\")");
        }
    }

    private static String name(InspectionData d, int cls) {
        List<String> names = d.classNames();
        return cls >= 0 && cls < names.size() ? names.get(cls) : Integer.toString(cls);
    }

    private ObjectNode toJson(InspectionModel model, InspectionData images, InspectRenderer.Report r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("source", model.source());
        o.put("network", model.network().name());
        o.put("trained", model.trained());
        if (!model.trained()) {
            o.put("note", "no trained weights: inspected at its initialisation (seed " + seed + ")");
        }
        o.put("data", usedData);
        o.put("sample", sample);
        o.put("label", r.label());
        ObjectNode pred = o.putObject("prediction");
        pred.put("class", r.predicted());
        pred.put("name", name(images, r.predicted()));
        pred.put("probability", r.probabilities()[r.predicted()]);
        ArrayNode probs = pred.putArray("probabilities");
        for (float p : r.probabilities()) {
            probs.add(p);
        }
        ArrayNode top = pred.putArray("top3");
        for (int c : r.top3()) {
            ObjectNode t = top.addObject();
            t.put("class", c);
            t.put("name", name(images, c));
            t.put("probability", r.probabilities()[c]);
        }
        o.put("explainedClass", r.explainedClass());
        ArrayNode layers = o.putArray("layers");
        for (InspectRenderer.LayerStats s : r.layers()) {
            ObjectNode l = layers.addObject();
            l.put("id", s.id());
            ArrayNode shape = l.putArray("shape");
            for (int d : s.shape()) {
                shape.add(d);
            }
            l.put("mean", s.stats().mean());
            l.put("std", s.stats().std());
            l.put("min", s.stats().min());
            l.put("max", s.stats().max());
            l.put("zeroFraction", s.stats().zeroFraction());
        }
        var rf = r.receptiveField();
        ObjectNode f = o.putObject("receptiveField");
        f.put("layer", rf.node());
        ObjectNode u = f.putObject("unit");
        u.put("channel", r.unit()[0]);
        u.put("y", rf.y());
        u.put("x", rf.x());
        f.put("top", rf.region().top());
        f.put("left", rf.region().left());
        f.put("bottom", rf.region().bottom());
        f.put("right", rf.region().right());
        f.put("size", rf.size());
        f.put("jump", rf.jump());
        f.put("reachesPadding", rf.padding());
        ObjectNode c = f.putObject("clipped");
        c.put("top", rf.clipped().top());
        c.put("left", rf.clipped().left());
        c.put("bottom", rf.clipped().bottom());
        c.put("right", rf.clipped().right());
        ArrayNode files = o.putArray("files");
        r.files().forEach(files::add);
        ArrayNode notes = o.putArray("notes");
        images.notes().forEach(notes::add);
        return o;
    }
}
