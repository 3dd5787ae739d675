package org.convstudio.engine.probe;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.data.Normalization;
import org.convstudio.engine.device.Devices;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkFileException;
import org.convstudio.model.io.NetworkJson;

/**
 * A model of its own for inspection, on one worker thread that owns every DJL object of it: loaded from a
 * saved run folder (its weights), or a design (preset or file) at its initialisation. Work is submitted as
 * {@link Work} and runs on the worker with the model's {@link Probe} and {@link InputGradients}.
 *
 * <p>{@link #openRun} and {@link #open} block while the engine loads: call them off the UI thread.
 */
public final class InspectionModel implements AutoCloseable {

    /** Work done on the inspection worker. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Probe probe, InputGradients gradients) throws Exception;
    }

    /**
     * How inputs must be scaled for this model, as the run recorded it.
     *
     * @param known         false when the run folder does not say (then fit on the training data, as the app does)
     * @param normalization the per-channel normalisation, or null for raw pixel values
     */
    public record Scaling(boolean known, Normalization normalization) {
        public static final Scaling UNKNOWN = new Scaling(false, null);
    }

    /** Written by runs next to the weights: {"normalize": bool, "mean": [...], "std": [...]}. */
    public static final String NORMALIZATION_FILE = "normalization.json";

    private final Network network;
    private final boolean trained;
    private final String source;
    private final Scaling scaling;
    private final ExecutorService worker;
    private Model model;
    private Probe probe;
    private InputGradients gradients;

    private InspectionModel(Network network, boolean trained, String source, Scaling scaling) {
        this.network = network;
        this.trained = trained;
        this.source = source;
        this.scaling = scaling;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "convstudio-inspect");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A design at its initialisation (random weights from {@code seed}).
     *
     * @throws IllegalArgumentException with the model's message when the design cannot be built
     */
    public static InspectionModel open(Network network, long seed) {
        NetworkBlock block = NetworkBlock.of(network); // validates before a thread is started
        InspectionModel im = new InspectionModel(network, false, network.name() + " (initial weights)", Scaling.UNKNOWN);
        im.init(() -> {
            Model m = Model.newInstance("inspect", Devices.engine().defaultDevice(), Devices.ENGINE);
            m.setBlock(block);
            Devices.engine().setRandomSeed((int) seed);
            block.initialize(m.getNDManager(), DataType.FLOAT32, block.inputShape(1));
            return m;
        });
        return im;
    }

    /**
     * A copy of a network training elsewhere, to be kept up to date with {@link #setWeights} from its live
     * probe rounds; its inputs are scaled as that run scales them.
     *
     * @param title         what the run is called (the model's {@link #source()})
     * @param normalization the run's input normalisation (null: raw pixel values)
     * @throws IllegalArgumentException with the model's message when the design cannot be built
     */
    public static InspectionModel openLive(Network network, Normalization normalization, String title) {
        NetworkBlock block = NetworkBlock.of(network);
        InspectionModel im = new InspectionModel(network, true, title, new Scaling(true, normalization));
        im.init(() -> {
            Model m = Model.newInstance("inspect-live", Devices.engine().defaultDevice(), Devices.ENGINE);
            m.setBlock(block);
            block.initialize(m.getNDManager(), DataType.FLOAT32, block.inputShape(1));
            return m;
        });
        return im;
    }

    /**
     * Replaces the weights with {@code copies} (e.g. a live run's newest probe round) after the work already
     * submitted; work submitted after this call sees them.
     */
    public CompletableFuture<Integer> setWeights(java.util.List<WeightCopy> copies) {
        return submit((p, g) -> p.setWeights(copies));
    }

    /**
     * The weights of a saved run (its last checkpoint).
     *
     * @throws IOException with a message naming the folder and saying what is wrong
     */
    public static InspectionModel openRun(Path folder) throws IOException {
        RunFolder rf = new RunFolder(folder);
        if (!rf.hasCheckpoint()) {
            throw new IOException("There are no saved weights in " + folder + " (no finished epoch): train it for an epoch first");
        }
        Network net;
        try {
            net = NetworkJson.parse(folder.resolve(RunFolder.ARCHITECTURE).toString(), rf.readArchitecture());
        } catch (NetworkFileException e) {
            throw new IOException(e.getMessage(), e);
        }
        NetworkBlock block;
        try {
            block = NetworkBlock.of(net);
        } catch (IllegalArgumentException e) {
            throw new IOException("The network saved in " + folder + " cannot be built: " + e.getMessage(), e);
        }
        InspectionModel im = new InspectionModel(net, true, folder.getFileName().toString(), readScaling(folder));
        im.init(() -> {
            Model m = Model.newInstance("inspect", Devices.engine().defaultDevice(), Devices.ENGINE);
            m.setBlock(block);
            try (InputStream in = Files.newInputStream(folder.resolve(RunFolder.WEIGHTS))) {
                m.load(in);
            } catch (ai.djl.MalformedModelException | RuntimeException e) {
                m.close();
                throw new IOException("The weights in " + folder.resolve(RunFolder.WEIGHTS)
                        + " do not fit its network (" + e.getMessage() + "): the run folder is damaged", e);
            }
            return m;
        });
        return im;
    }

    static Scaling readScaling(Path folder) {
        Path f = folder.resolve(NORMALIZATION_FILE);
        if (!Files.isRegularFile(f)) {
            return Scaling.UNKNOWN;
        }
        try {
            JsonNode o = new ObjectMapper().readTree(f.toFile());
            if (!o.path("normalize").asBoolean(true)) {
                return new Scaling(true, null);
            }
            ObjectMapper json = new ObjectMapper();
            return new Scaling(true, new Normalization(json.treeToValue(o.get("mean"), float[].class),
                    json.treeToValue(o.get("std"), float[].class)));
        } catch (IOException | RuntimeException e) {
            return Scaling.UNKNOWN;
        }
    }

    @FunctionalInterface
    private interface ModelFactory {
        Model create() throws Exception;
    }

    private void init(ModelFactory factory) {
        try {
            worker.submit(() -> {
                model = factory.create();
                probe = new Probe((NetworkBlock) model.getBlock(), model.getNDManager());
                gradients = new InputGradients(probe);
                return null;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while loading the model", e);
        } catch (ExecutionException e) {
            close();
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c.getMessage(), c);
        }
    }

    /** Runs {@code work} on the inspection worker, after any work submitted before. */
    public <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                if (f.isCancelled()) {
                    return;
                }
                try {
                    f.complete(work.run(probe, gradients));
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new IllegalStateException("the inspection model is closed"));
        }
        return f;
    }

    /** Like {@link #submit} and waits for the result (for the CLI and tests). */
    public <T> T call(Work<T> work) throws Exception {
        try {
            return submit(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    public Network network() {
        return network;
    }

    /** True for a saved run's weights, false for a design at its initialisation. */
    public boolean trained() {
        return trained;
    }

    /** What was loaded: the run folder's name, or the design's name with "(initial weights)". */
    public String source() {
        return source;
    }

    public Scaling scaling() {
        return scaling;
    }

    /** Number of native arrays alive in the model's manager tree (leak checks); runs on the worker. */
    public int liveArrayCount() throws Exception {
        return call((p, g) -> countArrays(model.getNDManager()));
    }

    private static int countArrays(ai.djl.ndarray.NDManager m) {
        int n = 0;
        for (var r : m.getManagedArrays()) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        try {
            worker.submit(() -> {
                if (model != null) {
                    model.close();
                    model = null;
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        worker.shutdown();
    }
}
