package org.convstudio.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convstudio.engine.explain.Explain;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.export.PyTorchModelWriter;
import org.convstudio.model.export.TorchLayout;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.AtomicFiles;
import org.convstudio.model.io.NetworkFileException;
import org.convstudio.model.io.NetworkJson;

/**
 * {@code export pytorch} for the command line and the app alike: writes {@code model.py}, {@code train.py} and
 * {@code settings.json} for a design (with ConvStudio's default settings) or for a run folder (with its
 * settings, input normalisation and, once it has an epoch, its weights as {@code weights.safetensors}).
 * Blocks while writing: call it off the UI thread. Every failure is an {@link IllegalArgumentException}
 * whose message is one sentence for the user.
 */
public final class PyTorchExport {

    /**
     * What was written.
     *
     * @param network       the design
     * @param folder        the folder written into
     * @param trainable     trainable parameters of the module
     * @param nonTrainable  stored non-trainable values (batch-norm statistics, frozen blocks)
     * @param blocks        modules in the module
     * @param files         the files written, in order
     * @param origin        where the settings came from ("ConvStudio's default settings", "run folder …")
     * @param weightTensors tensors in {@code weights.safetensors}, or -1 when none were written
     * @param note          a remark for the user (a run without weights), or ""
     */
    public record Result(Network network, Path folder, long trainable, long nonTrainable, int blocks, List<Path> files,
                         String origin, int weightTensors, String note) {
        public Result {
            files = List.copyOf(files);
        }

        /** "Exported LeNet: 61,706 trainable + 0 non-trainable parameters, 13 blocks". */
        public String headline() {
            return String.format(java.util.Locale.ROOT, "Exported %s: %,d trainable + %,d non-trainable parameters, %d blocks",
                    network.name(), trainable, nonTrainable, blocks);
        }
    }

    private PyTorchExport() {
    }

    /** True when {@code dir} is a run folder (it has the run's architecture file). */
    public static boolean isRunFolder(Path dir) {
        return Files.isDirectory(dir) && Files.exists(dir.resolve(RunFolder.ARCHITECTURE));
    }

    /** The design of a run folder, also before its first checkpoint. */
    public static Network runArchitecture(Path dir) {
        try {
            return NetworkJson.parse(dir.resolve(RunFolder.ARCHITECTURE).toString(), new RunFolder(dir).readArchitecture());
        } catch (NetworkFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + dir.resolve(RunFolder.ARCHITECTURE) + " ("
                    + Explain.rootMessage(e) + "): check that the run folder is complete.", e);
        }
    }

    /** Exports a design with ConvStudio's default training settings. */
    public static Result design(Network net, Path target) {
        return write(net, target, TrainingConfig.builder().build(), null, "ConvStudio's default settings", null);
    }

    /** Exports a run folder: its design, settings, normalisation and (when it has them) trained weights. */
    public static Result run(Path dir, Path target) {
        Network net = runArchitecture(dir);
        TrainingConfig config;
        JsonNode normalization;
        try {
            config = new RunFolder(dir).readConfig();
            normalization = TrainSettings.readNormalization(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the settings of the run in " + dir + " (" + Explain.rootMessage(e)
                    + "): check its " + RunFolder.CONFIG + ".", e);
        }
        return write(net, target, config, normalization, "run folder " + dir.toAbsolutePath(), dir);
    }

    private static Result write(Network net, Path target, TrainingConfig config, JsonNode normalization, String origin,
                                Path runDir) {
        TorchLayout layout;
        try {
            layout = TorchLayout.of(net);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The design \"" + net.name() + "\" cannot be exported: " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(target);
            files.add(writeText(target.resolve(PyTorchModelWriter.MODEL_FILE), PyTorchModelWriter.modelPy(layout)));
            files.add(writeText(target.resolve(PyTorchModelWriter.TRAIN_FILE), PyTorchModelWriter.trainPy()));
            files.add(writeText(target.resolve(PyTorchModelWriter.SETTINGS_FILE),
                    TrainSettings.text(TrainSettings.of(config, normalization, origin))));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write into " + target + " (" + Explain.rootMessage(e)
                    + "): choose another folder.", e);
        }
        int tensors = -1;
        String note = "";
        if (runDir != null) {
            if (!Files.exists(runDir.resolve(RunFolder.WEIGHTS))) {
                note = "The run has no weights yet (no " + RunFolder.WEIGHTS + "): only the design was exported.";
            } else {
                long steps;
                try {
                    steps = new RunFolder(runDir).readCheckpointInfo().step();
                } catch (IOException e) {
                    steps = 0; // num_batches_tracked is informative only
                }
                Path weights = target.resolve(PyTorchModelWriter.WEIGHTS_FILE);
                try {
                    tensors = WeightsExport.write(net, runDir, steps, weights);
                    files.add(weights);
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException("Cannot export the weights of " + runDir.resolve(RunFolder.WEIGHTS) + " ("
                            + Explain.rootMessage(e) + "): the run folder may be damaged; export the design instead.", e);
                }
            }
        }
        return new Result(net, target, layout.trainableParams(), layout.nonTrainableParams(), layout.modulePaths().size(),
                files, origin, tensors, note);
    }

    private static Path writeText(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
