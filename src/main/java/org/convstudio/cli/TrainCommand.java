package org.convstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.device.DeviceRequest;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.explain.Explain;
import org.convstudio.engine.run.InputScaling;
import org.convstudio.engine.run.NamedOptimizer;
import org.convstudio.engine.run.NamedSchedule;
import org.convstudio.engine.run.RunClaim;
import org.convstudio.engine.run.RunData;
import org.convstudio.engine.run.RunDesign;
import org.convstudio.engine.store.RunLock;
import org.convstudio.engine.explain.RunSetupException;
import org.convstudio.engine.run.TrainingJob;
import org.convstudio.engine.train.LrSchedule;
import org.convstudio.engine.train.RunState;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.engine.train.TrainingSession;
import org.convstudio.engine.train.TrainingSnapshot;
import org.convstudio.model.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, description = {"Train a network on a data set; writes a run folder (checkpoint every epoch).",
    "With --json, prints one JSON object per epoch."})
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<preset-id|file>",
            description = "A preset id or a .convnet.json file (omit with --resume).")
    String network;

    @Option(names = "--data", defaultValue = "mnist-sample",
            description = "mnist-sample | idx:DIR | folder:DIR | mnist | fashion-mnist | cifar10 (default: ${DEFAULT-VALUE})")
    String data;

    @Option(names = "--epochs", defaultValue = "5", description = "Epochs to train (with --resume: more epochs). Default ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size. Default ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam | adamw | sgd | rmsprop. Default ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.001", description = "Learning rate. Default ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (0 for none). Default ${DEFAULT-VALUE}.")
    double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum (SGD).")
    boolean nesterov;

    @Option(names = "--weight-decay", defaultValue = "0", description = "Weight decay. Default ${DEFAULT-VALUE}.")
    double weightDecay;

    @Option(names = "--schedule", defaultValue = "constant", description = "constant | step (×0.5 every 2 epochs) | cosine (to 1 %%). Default ${DEFAULT-VALUE}.")
    String schedule;

    @Option(names = "--warmup", defaultValue = "0", description = "Linear warm-up steps (batches). Default ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (same seed, same run). Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu | gpu | gpu:N (falls back to the CPU with a notice) | auto (GPU 0 when there is one, else the CPU). Default ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "PyTorch intra-op threads (0: all cores). Default ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--out", description = "Run folder (default: a new <time>-<name> folder in the runs folder, as the app: ~/.convstudio/runs, -Dconvstudio.runs=DIR).")
    Path outDir;

    @Option(names = "--resume", description = "Continue the run in this folder for --epochs more epochs.")
    Path resume;

    @Option(names = "--augment-shift", defaultValue = "0", description = "Shift training images by up to N pixels (random, per batch). Default ${DEFAULT-VALUE}.")
    int augmentShift;

    @Option(names = "--augment-rotate", defaultValue = "0", description = "Rotate training images by up to D degrees (random, per batch). Default ${DEFAULT-VALUE}.")
    double augmentRotate;

    @Option(names = "--adapt", description = "Resize / convert grey↔RGB when the data does not match the network's input.")
    boolean adapt;

    @Option(names = "--no-normalize", description = "Keep raw pixel values (default: per-channel mean/std of the training split).")
    boolean noNormalize;

    @Option(names = "--limit", defaultValue = "0", description = "Use only the first N training and N/4 validation images (quick tries). Default: all.")
    int limit;

    @Option(names = "--init", defaultValue = "pytorch",
            description = "Initial weights of convolutions and dense layers: pytorch (PyTorch's default) | xavier | he. Default ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--json", description = "One JSON object per epoch on standard output.")
    boolean json;

    @Option(names = "--tensorboard", paramLabel = "DIR", description = "Also write TensorBoard event files (loss, accuracy, learning rate per epoch) into DIR/<run folder name>.")
    Path tensorBoard;

    @Spec
    CommandSpec spec;

    /** The run folder's record of the input scaling (written by {@link TrainingJob} for every run). */
    static final String NORMALIZATION = InputScaling.FILE;

    /** The run folder's lock (--out, --resume), held from before the folder is first touched until the command ends. */
    private RunLock lock;

    @Override
    public Integer call() throws Exception {
        try {
            return train();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /**
     * Takes the run folder's lock (tidying a checkpoint a kill interrupted, and checking a run to continue)
     * or explains who holds it; says so when the previous writer ended without closing.
     */
    private void claim(Path folder, PrintWriter err) {
        try {
            lock = RunClaim.take(folder, resume != null ? "train --resume" : "train", resume != null);
        } catch (RunSetupException e) {
            throw new UserError(e.getMessage());
        }
        lock.staleOwner().ifPresent(o -> {
            err.println("notice: the previous writer of " + folder + " (" + o.describe() + ") ended without closing"
                    + " and is no longer running" + (resume != null ? "; continuing from its last saved epoch" : ""));
            err.flush();
        });
    }

    private Integer train() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        threads = OptionChecks.check(this, err); // numbers and paths first; --threads lowered to the cores
        if (resume != null || outDir != null) { // before the data is loaded: a folder in use is refused at once
            claim(resume != null ? resume : outDir, err);
        }
        TrainingJob.Builder builder;
        RunDesign design;
        try {
            if (resume != null) {
                warnIgnoredOnResume(err);
                builder = TrainingJob.resume(resume).optMoreEpochs(epochs);
            } else {
                Network net = NetworkArgument.load(required(network));
                builder = TrainingJob.builder().setDesign(net).setConfig(config()).optNormalize(!noNormalize);
                if (outDir != null) {
                    builder.optRunFolder(outDir);
                }
            }
            design = builder.checkDesign();
        } catch (RunSetupException e) {
            throw new UserError(e.getMessage());
        }
        DataSplit split;
        try {
            split = loadData(design.inputShape(), err);
        } catch (OutOfMemoryError e) {
            throw new UserError(Explain.outOfMemoryWith("loading the images"));
        }
        org.convstudio.model.analysis.TrainableCount count = org.convstudio.model.analysis.TrainableCount.of(design.network());
        EpochPrinter listener = new EpochPrinter(out, json, count);
        TrainingJob built;
        try {
            built = builder.setData(split).optDataSource(data).optListener(listener).optThreads(TorchThreads.forHeadless())
                    .optRunLock(lock).optTensorBoard(tensorBoard == null ? null : tensorBoard.toAbsolutePath()).build();
        } catch (RunSetupException e) { // the memory guard's advice names the option
            throw new UserError(e.getMessage().replace("use a batch of at most ", "use --batch "));
        }
        try (TrainingJob job = built) {
            TrainingSession session = job.session();
            if (!json) {
                out.printf(Locale.ROOT, "Training %s on %s (%d train / %d validation images), run folder %s%n",
                        design.network().name(), data, split.train().size(), split.test().size(), job.folder());
                out.println(count.sentence());
                if (tensorBoard != null) {
                    out.println("TensorBoard event files in " + tensorBoard.toAbsolutePath().resolve(job.folder().getFileName().toString())
                            + " (view with: tensorboard --logdir " + tensorBoard + ")");
                }
                out.flush();
            }
            if (session.device().fellBack()) {
                err.println(session.device().notice());
                err.flush();
            }
            RunState end;
            try {
                end = job.start().get();
            } catch (ExecutionException e) {
                throw new UserError(Explain.sentence("Training failed", e));
            }
            TrainingSnapshot last = session.lastSnapshot();
            if (end == RunState.DIVERGED || end == RunState.FAILED) {
                listener.awaitEnd();
                err.println(last == null || last.message().isBlank() ? "Training stopped: " + end : last.message());
                err.flush();
                return end == RunState.DIVERGED ? 3 : 1;
            }
            listener.awaitEnd(); // every epoch line is printed before the summary
            if (!json) {
                out.printf(Locale.ROOT, "%s after %d epochs; run folder %s%n", end == RunState.FINISHED ? "Finished" : "Stopped",
                        session.epochsCompleted(), job.folder());
                out.flush();
            }
            return 0;
        }
    }

    /** On --resume the run's saved configuration wins: say which given options are ignored. */
    private void warnIgnoredOnResume(PrintWriter err) {
        var parsed = spec.commandLine().getParseResult();
        List<String> ignored = new java.util.ArrayList<>();
        for (String o : List.of("--batch", "--optimizer", "--lr", "--momentum", "--nesterov", "--weight-decay", "--schedule",
                "--warmup", "--seed", "--device", "--out", "--init", "--augment-shift", "--augment-rotate", "--no-normalize")) {
            if (parsed.hasMatchedOption(o)) {
                ignored.add(o);
            }
        }
        if (!ignored.isEmpty()) {
            err.println("warning: --resume continues with the run's saved settings; ignored: " + String.join(" ", ignored));
            err.flush();
        }
    }

    private org.convstudio.engine.build.WeightInit weightInit() {
        try {
            return org.convstudio.engine.build.WeightInit.parse(init);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static String required(String network) {
        if (network == null) {
            throw new UserError("Name a preset or network file to train, or continue a run with --resume DIR");
        }
        return network;
    }

    /** Loads the data as the app does ({@link RunData}); --adapt converts images that do not fit. */
    private DataSplit loadData(ImageShape target, PrintWriter err) {
        DataSplit split;
        try {
            split = RunData.load(DatasetSpec.parse(data), target, RunData.Limit.of(limit));
        } catch (DatasetException e) {
            throw new UserError(e.getMessage());
        }
        split.warnings().forEach(w -> err.println("warning: " + w));
        var mismatch = ImageAdapter.check(split.shape(), target);
        if (mismatch.isPresent()) {
            if (!adapt) {
                throw new UserError(mismatch.get());
            }
            if (!ImageAdapter.canAdapt(split.shape(), target)) {
                throw new UserError(mismatch.get() + " — these images cannot be converted automatically");
            }
            try { // refused before converting anything when the result cannot fit in memory
                ImageAdapter.ensureFits(split.size(), target, ImageAdapter.freeHeap());
                err.printf(java.util.Locale.ROOT, "Converting %,d images to %s:", split.size(), target);
                err.flush();
                int[] shown = {0};
                split = ImageAdapter.adapt(split, target, ImageAdapter.freeHeap(), (done, total) -> {
                    int tenth = (int) (done * 10 / total);
                    if (tenth > shown[0]) {
                        shown[0] = tenth;
                        err.print(" " + tenth * 10 + " %" + (tenth == 10 ? System.lineSeparator() : ""));
                        err.flush();
                    }
                    return true;
                });
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        return split;
    }

    /** The resolved settings from the options; named optimisers and schedules as the app defines them. */
    private TrainingConfig config() {
        NamedOptimizer opt;
        NamedSchedule named;
        try {
            opt = NamedOptimizer.parse(optimizer);
            named = NamedSchedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        LrSchedule s = named.schedule();
        DeviceRequest dev;
        try {
            dev = DeviceRequest.parse(device);
        } catch (IllegalArgumentException e) {
            throw new UserError("Unknown device \"" + device + "\" — use cpu, gpu, gpu:N or auto");
        }
        try {
            TrainingConfig.Builder b = TrainingConfig.builder().setBatchSize(batch).setEpochs(epochs)
                    .optSchedule(warmup > 0 ? s.withWarmup(warmup) : s).optSeed(seed).optDevice(dev)
                    .optWeightDecay(weightDecay).optIntraOpThreads(threads).optAugmentation(augmentShift, augmentRotate)
                    .optInitializer(weightInit());
            opt.configure(b, lr, momentum, nesterov);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UserError("Invalid training settings: " + e.getMessage());
        }
    }

}
