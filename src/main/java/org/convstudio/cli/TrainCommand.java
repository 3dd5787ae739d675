package org.convstudio.cli;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.data.Normalization;
import org.convstudio.engine.device.DeviceRequest;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.run.RunLock;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.LrSchedule;
import org.convstudio.engine.train.OptimizerKind;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.RunState;
import org.convstudio.engine.train.TrainingAdapter;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.engine.train.TrainingSession;
import org.convstudio.engine.train.TrainingSnapshot;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.AtomicFiles;
import org.convstudio.model.io.NetworkFileException;
import org.convstudio.model.io.NetworkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "train", description = {"Train a network on a data set; writes a run folder (checkpoint every epoch).",
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

    @Option(names = "--schedule", defaultValue = "constant", description = "constant | step | cosine. Default ${DEFAULT-VALUE}.")
    String schedule;

    @Option(names = "--warmup", defaultValue = "0", description = "Linear warm-up steps (batches). Default ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (same seed, same run). Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu | gpu | gpu:N (falls back to the CPU with a notice). Default ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "PyTorch intra-op threads (0: all cores). Default ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--out", description = "Run folder (default: ~/.convstudio/runs/<time>-<name>).")
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

    @Option(names = "--json", description = "One JSON object per epoch on standard output.")
    boolean json;

    @Spec
    CommandSpec spec;

    static final String NORMALIZATION = "normalization.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The run folder's lock, held from before the folder is first touched until the command ends. */
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

    private Integer train() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        threads = OptionChecks.check(this, err);
        if (resume != null) {
            lock = RunFolderAccess.lock(resume, true, err);
            RunFolderAccess.checkResumable(resume);
        }
        Network net = resume != null ? loadRunArchitecture(resume) : NetworkArgument.load(required(network));
        NetworkBlock probe;
        try {
            probe = NetworkBlock.of(net);
        } catch (IllegalArgumentException e) {
            throw new UserError("The design \"" + net.name() + "\" cannot be trained: " + e.getMessage());
        }
        Shape chw = probe.inputShape(1).slice(1);
        DataSplit split;
        try {
            split = loadData(chw, err);
        } catch (OutOfMemoryError e) {
            throw new UserError("Java ran out of memory loading the images (its limit is "
                    + org.convstudio.engine.run.MemoryEstimate.human(Runtime.getRuntime().maxMemory())
                    + "): use fewer images (--limit) or give Java more memory (-Xmx).");
        }
        if (split.classNames().size() > probe.classCount()) {
            throw new UserError("The data set has " + split.classNames().size() + " classes but the network's last layer has "
                    + probe.classCount() + " outputs — set the last Dense block to " + split.classNames().size() + " units");
        }
        TrainingConfig config = config();
        if (resume != null) {
            warnIgnoredOnResume(err);
        }
        Path folder = resume != null ? resume : (outDir != null ? outDir : defaultRunFolder(net.name()));
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new UserError(org.convstudio.engine.run.RunFailures.cannotWrite(e, folder));
        }
        if (lock == null) {
            lock = RunFolderAccess.lock(folder, false, err);
        }
        if (resume == null && new RunFolder(folder).hasCheckpoint()) {
            throw new UserError("The folder " + folder + " already holds a run — continue it with --resume " + folder
                    + " or choose another --out");
        }
        try {
            split = normalize(split, folder);
        } catch (OutOfMemoryError e) {
            throw new UserError("Java ran out of memory normalising the images (its limit is "
                    + org.convstudio.engine.run.MemoryEstimate.human(Runtime.getRuntime().maxMemory())
                    + "): use fewer images (--limit) or give Java more memory (-Xmx).");
        }
        RunFolderAccess.guardMemory(net, resume != null ? RunFolderAccess.savedConfig(folder) : config, split);
        Listener listener = new Listener(out, json);
        TorchThreads.Settings threadSettings = threads > 0 ? new TorchThreads.Settings(threads, 1) : TorchThreads.forHeadless();
        TrainingSession built;
        try {
            TrainingSession.Builder builder = resume != null
                    ? TrainingSession.fromRunFolder(folder, () -> NetworkBlock.of(net), chw, probe.classCount())
                    : TrainingSession.builder().setNetwork(() -> NetworkBlock.of(net), chw, probe.classCount())
                            .setConfig(config).optRunFolder(folder, NetworkJson.toJson(net));
            built = builder.optListener(listener).optThreads(threadSettings).optRunLock(lock).build();
        } catch (java.io.IOException | RuntimeException e) {
            throw new UserError((resume != null ? "Cannot continue the run in " + folder : "Cannot start training")
                    + ": " + rootMessage(e));
        }
        if (!json) {
            out.printf(Locale.ROOT, "Training %s on %s (%d train / %d validation images), run folder %s%n", net.name(), data,
                    split.train().size(), split.test().size(), folder);
            out.flush();
        }
        try (TrainingSession session = built) {
            if (session.device().fellBack()) {
                err.println(session.device().notice());
                err.flush();
            }
            RunState end;
            try {
                end = resume != null ? session.continueTraining(epochs, split.train(), split.test()).get()
                        : session.start(split.train(), split.test()).get();
            } catch (ExecutionException e) {
                throw new UserError("Training failed: " + (e.getCause() == null ? e : e.getCause().getMessage()));
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
                        session.epochsCompleted(), folder);
                out.flush();
            }
            return 0;
        }
    }

    /** The innermost message of a failure, for a one-line explanation. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** On --resume the run's saved configuration wins: say which given options are ignored. */
    private void warnIgnoredOnResume(PrintWriter err) {
        var parsed = spec.commandLine().getParseResult();
        List<String> ignored = new java.util.ArrayList<>();
        for (String o : List.of("--batch", "--optimizer", "--lr", "--momentum", "--nesterov", "--weight-decay", "--schedule",
                "--warmup", "--seed", "--device", "--out", "--augment-shift", "--augment-rotate", "--no-normalize")) {
            if (parsed.hasMatchedOption(o)) {
                ignored.add(o);
            }
        }
        if (!ignored.isEmpty()) {
            err.println("warning: --resume continues with the run's saved settings; ignored: " + String.join(" ", ignored));
            err.flush();
        }
    }

    private static String required(String network) {
        if (network == null) {
            throw new UserError("Name a preset or network file to train, or continue a run with --resume DIR");
        }
        return network;
    }

    static Network loadRunArchitecture(Path folder) {
        RunFolder rf = new RunFolder(folder);
        if (!rf.hasCheckpoint()) {
            throw new UserError("There is no finished epoch to continue in " + folder + " (no checkpoint.json)");
        }
        try {
            return NetworkJson.parse(folder.resolve(RunFolder.ARCHITECTURE).toString(), rf.readArchitecture());
        } catch (NetworkFileException e) {
            throw new UserError(e.getMessage());
        } catch (java.io.IOException e) {
            throw new UserError("Cannot read the run in " + folder + ": " + e.getMessage());
        }
    }

    private DataSplit loadData(Shape chw, PrintWriter err) {
        DataSplit split;
        try {
            split = DatasetLoader.load(data);
        } catch (DatasetException e) {
            throw new UserError(e.getMessage());
        }
        split.warnings().forEach(w -> err.println("warning: " + w));
        if (limit > 0) { // before any conversion: only the images that will be used are converted
            split = new DataSplit(head(split.train(), limit), head(split.test(), Math.max(1, limit / 4)), split.warnings());
        }
        ImageShape target = new ImageShape((int) chw.get(0), (int) chw.get(1), (int) chw.get(2));
        var mismatch = ImageAdapter.check(split.shape(), target);
        if (mismatch.isPresent()) {
            if (!adapt) {
                throw new UserError(mismatch.get());
            }
            if (!ImageAdapter.canAdapt(split.shape(), target)) {
                throw new UserError(mismatch.get() + " — these images cannot be converted automatically");
            }
            try {
                split = ImageAdapter.adapt(split, target);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        return split;
    }

    private static org.convstudio.engine.data.ImageSet head(org.convstudio.engine.data.ImageSet s, int n) {
        int[] idx = java.util.stream.IntStream.range(0, Math.min(n, s.size())).toArray();
        return s.subset(s.name(), idx);
    }

    /**
     * Normalises with the training split's statistics. The choice and the statistics are kept in the run
     * folder ({@value #NORMALIZATION}) so that --resume feeds the network the same kind of input.
     */
    private DataSplit normalize(DataSplit split, Path folder) {
        Path file = folder.resolve(NORMALIZATION);
        try {
            if (resume != null && Files.exists(file)) {
                com.fasterxml.jackson.databind.JsonNode o = JSON.readTree(file.toFile());
                if (!o.path("normalize").asBoolean(true)) {
                    return split;
                }
                if (!o.path("mean").isArray() || !o.path("std").isArray()) {
                    throw new UserError(file + " is damaged (no mean/std): cannot continue this run with the same input scaling");
                }
                return new Normalization(JSON.treeToValue(o.get("mean"), float[].class),
                        JSON.treeToValue(o.get("std"), float[].class)).apply(split);
            }
            ObjectNode o = JSON.createObjectNode();
            o.put("normalize", !noNormalize);
            DataSplit result = split;
            if (!noNormalize) {
                Normalization n = Normalization.fit(split.train());
                o.set("mean", JSON.valueToTree(n.mean()));
                o.set("std", JSON.valueToTree(n.std()));
                result = n.apply(split);
            }
            if (resume == null) {
                AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
            }
            return result;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new UserError("Cannot use " + file + ": " + rootMessage(e));
        }
    }

    private TrainingConfig config() {
        OptimizerKind kind = switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "adam" -> OptimizerKind.ADAM;
            case "adamw" -> OptimizerKind.ADAMW;
            case "sgd" -> OptimizerKind.SGD;
            case "rmsprop" -> OptimizerKind.RMSPROP;
            default -> throw new UserError("Unknown optimizer \"" + optimizer + "\" — use adam, adamw, sgd or rmsprop");
        };
        LrSchedule s = switch (schedule.toLowerCase(Locale.ROOT)) {
            case "constant" -> LrSchedule.constant();
            case "step" -> LrSchedule.step(Math.max(1, epochs / 3), 0.1);
            case "cosine" -> LrSchedule.cosine(0.01);
            default -> throw new UserError("Unknown schedule \"" + schedule + "\" — use constant, step or cosine");
        };
        DeviceRequest dev;
        try {
            dev = DeviceRequest.parse(device);
        } catch (IllegalArgumentException e) {
            throw new UserError("Unknown device \"" + device + "\" — use cpu, gpu or gpu:N");
        }
        try {
            TrainingConfig.Builder b = TrainingConfig.builder().setOptimizer(kind, lr).setBatchSize(batch).setEpochs(epochs)
                    .optSchedule(warmup > 0 ? s.withWarmup(warmup) : s).optSeed(seed).optDevice(dev)
                    .optWeightDecay(weightDecay).optIntraOpThreads(threads).optAugmentation(augmentShift, augmentRotate);
            if (kind == OptimizerKind.SGD) {
                b.optMomentum(momentum, nesterov);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UserError("Invalid training settings: " + e.getMessage());
        }
    }

    static Path defaultRunFolder(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_.-]+", "-");
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(System.getProperty("user.home"), ".convstudio", "runs", time + "-" + safe);
    }

    /** Prints each epoch as it ends (called on the session's dispatcher thread). */
    private static final class Listener extends TrainingAdapter {
        private final PrintWriter out;
        private final boolean json;
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

        /** The run's final state reaches listeners after its last epoch: wait for it (bounded). */
        void awaitEnd() throws InterruptedException {
            ended.await(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void onStateChanged(TrainingSnapshot snapshot) {
            RunState st = snapshot.state();
            if (st == RunState.FINISHED || st == RunState.STOPPED || st == RunState.DIVERGED || st == RunState.FAILED) {
                ended.countDown();
            }
        }

        Listener(PrintWriter out, boolean json) {
            this.out = out;
            this.json = json;
        }

        @Override
        public void onEpochEnd(TrainingSnapshot snapshot, EpochRecord r) {
            if (json) {
                ObjectNode o = JSON.createObjectNode();
                o.put("epoch", r.epoch());
                o.put("trainLoss", r.trainLoss());
                o.put("trainAcc", r.trainAccuracy());
                number(o, "valLoss", r.validationLoss());
                number(o, "valAcc", r.validationAccuracy());
                o.put("imagesPerSecond", r.imagesPerSecond());
                o.put("seconds", r.seconds());
                o.put("learningRate", r.learningRate());
                o.put("device", snapshot.device());
                long rss = residentBytes();
                if (rss > 0) {
                    o.put("residentMiB", Math.round(rss / 1048576.0 * 10) / 10.0);
                }
                out.println(o.toString());
                out.flush();
            } else {
                out.printf(Locale.ROOT, "epoch %3d  train loss %.4f acc %.4f  val loss %.4f acc %.4f  %8.0f images/s  %6.1f s%n",
                        r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(),
                        r.imagesPerSecond(), r.seconds());
                out.flush();
            }
        }

        /** The process's resident memory (Linux /proc; 0 elsewhere), to check that it stays flat. */
        private static long residentBytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
            return 0;
        }

        private static void number(ObjectNode o, String field, double v) {
            if (Double.isFinite(v)) {
                o.put(field, v);
            } else {
                o.putNull(field);
            }
        }
    }
}
