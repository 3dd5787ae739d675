package org.convstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convstudio.engine.export.ImportReport;
import org.convstudio.engine.export.WeightsImport;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Bring work from another tool into ConvStudio.",
        subcommands = {ImportCommand.Weights.class})
final class ImportCommand {

    @Command(name = "weights", mixinStandardHelpOptions = true, description = {
        "Load a PyTorch state_dict saved as safetensors into a design whose blocks match (keys: block id + tensor",
        "name, e.g. conv1.weight, layer1.0.bn1.running_mean), report matched, missing, unexpected and wrongly-shaped",
        "tensors, and write a run folder that 'train --resume' and the app continue from. A run folder is updated",
        "in place; a design gets a new run folder (--out)."})
    static final class Weights implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "<run-folder|design>",
                description = "A run folder, a preset id or a .convnet.json file.")
        String target;

        @Parameters(index = "1", paramLabel = "<file.safetensors>", description = "The weights (a state_dict saved as safetensors).")
        Path file;

        @Option(names = "--out", description = "Run folder to create for a design (default: ~/.convstudio/runs/<time>-<name>).")
        Path out;

        @Option(names = "--strict", description = "Refuse unless every tensor matches (nothing missing, unexpected or wrongly shaped).")
        boolean strict;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the fresh values of blocks the file does not fill. Default ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--json", description = "Print the report as one JSON object.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new UserError("The weights file " + file + " does not exist: give the .safetensors file train.py wrote.");
            }
            Path dir = Path.of(target);
            boolean run = ExportCommand.Pytorch.isRunFolder(dir);
            if (Files.isDirectory(dir) && !run && org.convstudio.model.preset.Presets.find(target).isEmpty()) {
                throw new UserError("The folder " + target + " is not a run folder (it has no " + RunFolder.ARCHITECTURE
                        + "): give a run folder, a preset id or a .convnet.json file.");
            }
            Network net;
            Path folder;
            TrainingConfig config;
            if (run) {
                if (!Files.exists(dir.resolve(RunFolder.WEIGHTS))) {
                    throw new UserError("The run in " + dir + " has no weights yet (no " + RunFolder.WEIGHTS
                            + "): import into its design file instead, with --out for the new run folder.");
                }
                net = ExportCommand.Pytorch.runArchitecture(dir);
                folder = dir;
                try {
                    config = new RunFolder(dir).readConfig();
                } catch (IOException e) {
                    throw new UserError("Cannot read " + dir.resolve(RunFolder.CONFIG) + " (" + org.convstudio.engine.explain.Explain.rootMessage(e)
                            + "): the run folder is damaged; import into the design instead.");
                }
                if (out != null) {
                    spec.commandLine().getErr().println("warning: --out is ignored: a run folder is updated in place");
                }
            } else {
                net = NetworkArgument.load(target);
                folder = out != null ? out : org.convstudio.engine.run.RunLocation.newRunFolder(org.convstudio.engine.run.RunLocation.defaultRoot(), net.name() + "-imported");
                if (new RunFolder(folder).hasCheckpoint()) {
                    throw new UserError("The folder " + folder + " already holds a run: import into it by naming it instead of the design, or choose another --out.");
                }
                config = TrainingConfig.builder().optSeed(seed).build();
            }
            ImportReport r;
            try {
                r = WeightsImport.run(net, file, folder, run, config, strict);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            } catch (IOException e) {
                throw new UserError(org.convstudio.engine.explain.Explain.rootMessage(e).equals(e.getMessage()) ? e.getMessage()
                        : e.getMessage() + " (" + org.convstudio.engine.explain.Explain.rootMessage(e) + ")");
            }
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                ObjectMapper m = new ObjectMapper();
                ObjectNode n = m.createObjectNode();
                n.put("design", net.name()).put("runFolder", folder.toString()).put("values", r.loadedValues());
                n.set("matched", m.valueToTree(r.matched()));
                n.set("missing", m.valueToTree(r.missing()));
                n.set("unexpected", m.valueToTree(r.unexpected()));
                n.set("wrongShape", m.valueToTree(r.wrongShape()));
                n.set("ignored", m.valueToTree(r.ignored()));
                o.println(n);
            } else {
                int expected = r.matched().size() + r.missing().size() + r.wrongShape().size();
                o.printf(Locale.ROOT, "Loaded %d of %d tensors (%,d values) from %s into %s%n", r.matched().size(), expected,
                        r.loadedValues(), file.getFileName(), net.name());
                section(o, "matched", r.matched(), 0);
                section(o, "missing (kept " + (run ? "the run's values" : "fresh random values") + ")", r.missing(), 20);
                section(o, "unexpected (not used)", r.unexpected(), 20);
                section(o, "wrong shape (kept " + (run ? "the run's values" : "fresh random values") + ")", r.wrongShape(), 20);
                section(o, "ignored (batch-norm batch counters, not kept by ConvStudio)", r.ignored(), 0);
                o.println("Run folder: " + folder + (run ? " (updated; its optimiser state was reset)" : ""));
                o.println("Continue training with: convstudio train --resume " + folder + " --epochs N");
            }
            o.flush();
            return 0;
        }

        private static void section(PrintWriter o, String title, List<String> keys, int show) {
            o.printf(Locale.ROOT, "  %-60s %d%n", title + ":", keys.size());
            for (int i = 0; i < Math.min(show, keys.size()); i++) {
                o.println("      " + keys.get(i));
            }
            if (show > 0 && keys.size() > show) {
                o.println("      ... and " + (keys.size() - show) + " more");
            }
        }
    }
}
