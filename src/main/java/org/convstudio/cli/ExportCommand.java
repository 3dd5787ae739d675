package org.convstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.convstudio.engine.export.PyTorchExport;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.model.export.PyTorchModelWriter;
import org.convstudio.model.graph.Network;
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
            return PyTorchExport.isRunFolder(dir);
        }

        /** The design of a run folder, also before its first checkpoint. */
        static Network runArchitecture(Path dir) {
            try {
                return PyTorchExport.runArchitecture(dir);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
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
            Path target = out != null ? out : Path.of(net.name().replaceAll("[^A-Za-z0-9_.-]+", "-") + "-pytorch");
            PyTorchExport.Result r;
            try {
                r = run ? PyTorchExport.run(dir, target) : PyTorchExport.design(net, target);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage().replace("choose another folder", "choose another --out folder"));
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println(r.headline());
            for (Path f : r.files()) {
                if (f.getFileName().toString().equals(PyTorchModelWriter.SETTINGS_FILE)) {
                    o.println("  " + f + " (from " + r.origin() + ")");
                } else if (f.getFileName().toString().equals(PyTorchModelWriter.WEIGHTS_FILE)) {
                    o.println("  " + f + " (" + r.weightTensors() + " tensors)");
                } else {
                    o.println("  " + f);
                }
            }
            if (!r.note().isEmpty()) {
                o.println(r.note());
            }
            o.println("Train it with:  python3 " + target.resolve(PyTorchModelWriter.TRAIN_FILE) + " --data idx:DIR");
            o.println("  or on N GPUs: torchrun --nproc_per_node=N " + target.resolve(PyTorchModelWriter.TRAIN_FILE)
                    + " --data idx:DIR");
            o.flush();
            return 0;
        }
    }
}
