package org.convstudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convstudio.engine.export.TrainSettings;
import org.convstudio.engine.export.WeightsExport;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.export.PyTorchModelWriter;
import org.convstudio.model.export.TorchLayout;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.AtomicFiles;
import org.convstudio.model.io.NetworkFileException;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.model.preset.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Hand a design to another tool.",
        subcommands = {ExportCommand.Pytorch.class})
final class ExportCommand {

    @Command(name = "pytorch", mixinStandardHelpOptions = true, description = {
        "Write model.py (an nn.Module whose blocks match the design one to one, and build()), train.py (the same",
        "training recipe, on one device or under torchrun with DistributedDataParallel) and settings.json.",
        "For a run folder, also its trained weights as weights.safetensors (named by the module's state_dict keys)."})
    static final class Pytorch implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "<preset-id|file|run-folder>",
                description = "A preset id, a .convnet.json file or a run folder (from 'train' or the app).")
        String source;

        @Option(names = "--out", description = "Folder to write into (default: <name>-pytorch in the current folder).")
        Path out;

        @Spec
        CommandSpec spec;

        static boolean isRunFolder(Path dir) {
            return Files.isDirectory(dir) && Files.exists(dir.resolve(RunFolder.ARCHITECTURE));
        }

        /** The design of a run folder, also before its first checkpoint. */
        static Network runArchitecture(Path dir) {
            try {
                return NetworkJson.parse(dir.resolve(RunFolder.ARCHITECTURE).toString(), new RunFolder(dir).readArchitecture());
            } catch (NetworkFileException e) {
                throw new UserError(e.getMessage());
            } catch (IOException e) {
                throw new UserError("Cannot read " + dir.resolve(RunFolder.ARCHITECTURE) + " (" + org.convstudio.engine.run.Explain.rootMessage(e)
                        + "): check that the run folder is complete.");
            }
        }

        @Override
        public Integer call() throws Exception {
            Path dir = Path.of(source);
            boolean run = isRunFolder(dir);
            if (Files.isDirectory(dir) && !run && Presets.find(source).isEmpty()) {
                throw new UserError("The folder " + source + " is not a run folder (it has no " + RunFolder.ARCHITECTURE
                        + "): give a run folder, a preset id or a .convnet.json file.");
            }
            Network net = run ? runArchitecture(dir) : NetworkArgument.load(source);
            TorchLayout layout;
            try {
                layout = TorchLayout.of(net);
            } catch (IllegalArgumentException e) {
                throw new UserError("The design \"" + net.name() + "\" cannot be exported: " + e.getMessage());
            }
            Path target = out != null ? out : Path.of(net.name().replaceAll("[^A-Za-z0-9_.-]+", "-") + "-pytorch");
            TrainingConfig config;
            JsonNode normalization = null;
            String origin;
            if (run) {
                try {
                    config = new RunFolder(dir).readConfig();
                    normalization = TrainSettings.readNormalization(dir);
                } catch (IOException e) {
                    throw new UserError("Cannot read the settings of the run in " + dir + " (" + org.convstudio.engine.run.Explain.rootMessage(e)
                            + "): check its " + RunFolder.CONFIG + ".");
                }
                origin = "run folder " + dir.toAbsolutePath();
            } else {
                config = TrainingConfig.builder().build();
                origin = "ConvStudio's default settings";
            }
            try {
                Files.createDirectories(target);
                AtomicFiles.write(target.resolve(PyTorchModelWriter.MODEL_FILE),
                        PyTorchModelWriter.modelPy(layout).getBytes(StandardCharsets.UTF_8));
                AtomicFiles.write(target.resolve(PyTorchModelWriter.TRAIN_FILE),
                        PyTorchModelWriter.trainPy().getBytes(StandardCharsets.UTF_8));
                AtomicFiles.write(target.resolve(PyTorchModelWriter.SETTINGS_FILE),
                        TrainSettings.text(TrainSettings.of(config, normalization, origin)).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UserError("Cannot write into " + target + " (" + org.convstudio.engine.run.Explain.rootMessage(e)
                        + "): choose another --out folder.");
            }
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "Exported %s: %,d trainable + %,d non-trainable parameters, %d blocks%n", net.name(),
                    layout.trainableParams(), layout.nonTrainableParams(), layout.modulePaths().size());
            o.println("  " + target.resolve(PyTorchModelWriter.MODEL_FILE));
            o.println("  " + target.resolve(PyTorchModelWriter.TRAIN_FILE));
            o.println("  " + target.resolve(PyTorchModelWriter.SETTINGS_FILE) + " (from " + origin + ")");
            if (run) {
                if (!Files.exists(dir.resolve(RunFolder.WEIGHTS))) {
                    o.println("The run has no weights yet (no " + RunFolder.WEIGHTS + "): only the design was exported.");
                } else {
                    long steps = 0;
                    try {
                        steps = new RunFolder(dir).readCheckpointInfo().step();
                    } catch (IOException e) {
                        steps = 0; // num_batches_tracked is informative only
                    }
                    try {
                        int n = WeightsExport.write(net, dir, steps, target.resolve(PyTorchModelWriter.WEIGHTS_FILE));
                        o.println("  " + target.resolve(PyTorchModelWriter.WEIGHTS_FILE) + " (" + n + " tensors)");
                    } catch (IOException | RuntimeException e) {
                        throw new UserError("Cannot export the weights of " + dir.resolve(RunFolder.WEIGHTS) + " ("
                                + org.convstudio.engine.run.Explain.rootMessage(e) + "): the run folder may be damaged; export the design instead.");
                    }
                }
            }
            o.println("Train it with:  python3 " + target.resolve(PyTorchModelWriter.TRAIN_FILE) + " --data idx:DIR");
            o.println("  or on N GPUs: torchrun --nproc_per_node=N " + target.resolve(PyTorchModelWriter.TRAIN_FILE)
                    + " --data idx:DIR");
            o.flush();
            return 0;
        }
    }
}
