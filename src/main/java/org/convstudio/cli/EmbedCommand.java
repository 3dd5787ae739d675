package org.convstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.convstudio.analysis.embed.EmbeddingFiles;
import org.convstudio.analysis.embed.EmbeddingListener;
import org.convstudio.analysis.embed.EmbeddingQuality;
import org.convstudio.analysis.embed.Embedder;
import org.convstudio.analysis.embed.NeighborSearch;
import org.convstudio.analysis.embed.TsneOptions;
import org.convstudio.analysis.embed.WorkerPool;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.embed.LayerActivations;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.model.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Map images to 2-D (t-SNE or PCA): the raw pixels of a data set, or a layer's activations in a trained run.",
            "Writes embedding.csv (index,x,y,label[,prediction]) and embedding.png to --out; with --json prints the scores.",
            "Samples are the validation images first, then the training images."})
final class EmbedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<run-folder|pixels>",
            description = "A run folder written by 'train' (embeds --layer's activations), or 'pixels' (the raw images).")
    String source;

    @Option(names = "--data",
            description = "mnist-sample | idx:DIR | folder:DIR | mnist | fashion-mnist | cifar10 (default: a run folder's own "
                    + "data set, as its data.json records it; otherwise mnist-sample)")
    String data;

    static final String DEFAULT_DATA = "mnist-sample";

    @Option(names = "--layer", description = "Block id whose output to embed (run folders; default: the input of the last Dense block).")
    String layer;

    @Option(names = "--samples", defaultValue = "0", description = "Embed only the first N samples (default: all).")
    int samples;

    @Option(names = "--method", defaultValue = "tsne", description = "tsne | pca (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--perplexity", defaultValue = "30", description = "t-SNE perplexity (default: ${DEFAULT-VALUE}).")
    double perplexity;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object with the timing and the scores.")
    boolean json;

    @Option(names = "--out", required = true, description = "Folder for embedding.csv and embedding.png.")
    Path out;

    @Option(names = "--init", description = "Continue from a previous embedding.csv of the same samples (live mode: no early exaggeration).")
    Path init;

    @Option(names = "--synthesize", defaultValue = "0",
            description = "Benchmarks: extend the data to N images with jittered copies (shifted ≤ 2 px, light noise).")
    int synthesize;

    @Option(names = "--save-input", description = "Also write the PCA-reduced input t-SNE saw as a NumPy .npy file (for comparisons).")
    Path saveInput;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: all cores).")
    int threads;

    @Option(names = "--fft-grid", defaultValue = "0",
            description = "Benchmarks: cap on t-SNE's FFT grid per axis, 256 | 512 | 1024 | 2048 (default: automatic).")
    int fftGrid;

    @Option(names = "--knn", defaultValue = "auto",
            description = "Benchmarks: t-SNE's neighbour search, auto | exact | cells | hnsw (default: ${DEFAULT-VALUE}: exact up to 20,000 points, cells above).")
    String knn;

    @Option(names = "--knn-recall", defaultValue = "0",
            description = "Benchmarks: also measure the neighbour search's recall against exact neighbours on N sampled points (not timed with the embedding).")
    int knnRecall;

    @Spec
    CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // the PNG is drawn off-screen
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Embedder.Method m = switch (method.toLowerCase(Locale.ROOT)) {
            case "tsne", "t-sne" -> Embedder.Method.TSNE;
            case "pca" -> Embedder.Method.PCA;
            default -> throw new UserError("Unknown method \"" + method + "\" — use tsne or pca");
        };
        if (!(perplexity >= 1 && perplexity <= 500)) {
            throw new UserError("The perplexity must be between 1 and 500 (typical: 5 to 50), got " + perplexity);
        }
        boolean pixels = source.equals("pixels");
        Path run = pixels ? null : Path.of(source);
        if (run != null && !new RunFolder(run).hasCheckpoint()) {
            throw new UserError("\"" + source + "\" is neither 'pixels' nor a run folder with a finished epoch "
                    + "(no checkpoint.json / weights.params there) — train first or give 'pixels'");
        }
        ImageSet images = loadImages(err, run);
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        float[] rows;
        int dims;
        int[] predictions = null;
        String what;
        double activationSeconds = 0;
        if (pixels) {
            rows = images.pixels();
            dims = images.imageLength();
            what = "pixels of " + (data != null ? data : DEFAULT_DATA);
        } else {
            Network net = org.convstudio.engine.run.RunReader.read(run).design();
            String id = layer != null ? layer : LayerActivations.defaultLayer(net);
            ImageSet input = prepareForNetwork(net, images, run);
            LayerActivations.Activations a;
            try {
                a = LayerActivations.compute(run, net, input, id, () -> false);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            } catch (IOException e) {
                throw new UserError("Cannot read the run's weights: " + e.getMessage());
            }
            rows = a.rows();
            dims = a.dimensions();
            predictions = a.predictions();
            what = "layer " + id + " of " + net.name();
            activationSeconds = (System.nanoTime() - t0) / 1e9;
        }
        int n = images.size();
        float[] warm = null;
        if (init != null) {
            try {
                warm = EmbeddingFiles.readLayout(init);
            } catch (IOException e) {
                throw new UserError("Cannot read the previous layout: " + e.getMessage());
            }
            if (warm.length != 2 * n) {
                throw new UserError(init + " holds " + warm.length / 2 + " points but " + n
                        + " samples are embedded — use the same --samples as for that embedding");
            }
        }
        if (fftGrid != 0 && (fftGrid < 256 || fftGrid > 4096 || Integer.bitCount(fftGrid) != 1)) {
            throw new UserError("--fft-grid must be 256, 512, 1024, 2048 or 4096, got " + fftGrid);
        }
        NeighborSearch search = switch (knn.toLowerCase(Locale.ROOT)) {
            case "auto" -> NeighborSearch.AUTO;
            case "exact" -> NeighborSearch.EXACT;
            case "cells" -> NeighborSearch.CELLS;
            case "hnsw" -> NeighborSearch.HNSW;
            default -> throw new UserError("Unknown neighbour search \"" + knn + "\" — use auto, exact, cells or hnsw");
        };
        TsneOptions options = TsneOptions.defaults().withPerplexity(perplexity).withSeed(seed).withMaxGrid(fftGrid)
                .withNeighborSearch(search);
        WorkerPool pool = threads > 0 ? new WorkerPool(threads) : WorkerPool.shared();
        Embedder.Result r;
        try {
            r = new Embedder(pool).embed(rows, n, dims, images.labels(), m, options, warm, EmbeddingListener.NONE, () -> false);
        } catch (IllegalArgumentException e) {
            throw new UserError("Cannot embed these samples: " + e.getMessage());
        } catch (RuntimeException e) {
            if (threads > 0) {
                pool.close();
            }
            throw e;
        }
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        KnnCheck check = knnRecall > 0 && m == Embedder.Method.TSNE ? KnnCheck.measure(r, options, knnRecall, seed, pool) : null;
        if (threads > 0) {
            pool.close();
        }
        int[] index = IntStream.range(0, n).toArray();
        Files.createDirectories(out);
        EmbeddingFiles.writeCsv(out.resolve(EmbeddingFiles.CSV), r.layout(), index, images.labels(), predictions);
        String caption = EmbeddingFiles.caption((m == Embedder.Method.TSNE ? "t-SNE" : "PCA") + " of " + what
                + " (" + n + " samples)", r.quality());
        EmbeddingFiles.writePng(out.resolve(EmbeddingFiles.PNG),
                EmbeddingFiles.render(r.layout(), n, images.labels(), images.classNames(), caption, 1000));
        if (saveInput != null) {
            writeNpy(saveInput, r.reduced(), n, r.reducedDimensions());
        }
        EmbeddingQuality q = r.quality();
        double seconds = r.timing().pca() + r.timing().tsne() + activationSeconds;
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("seconds", round(seconds));
            o.put("neighborhoodHit", q.neighborhoodHit());
            o.put("k", q.k());
            o.put("trustworthiness", q.trustworthiness());
            o.put("trustworthinessK", q.trustK());
            o.put("knnAccuracy", q.knnAccuracy());
            o.put("points", n);
            o.put("method", m == Embedder.Method.TSNE ? "tsne" : "pca");
            if (m == Embedder.Method.TSNE) {
                o.put("perplexity", perplexity);
                o.put("iterations", r.iterations());
                o.put("warmStart", warm != null);
            }
            o.put("source", pixels ? "pixels" : what);
            o.put("dimensions", dims);
            o.put("activationSeconds", round(activationSeconds));
            o.put("pcaSeconds", round(r.timing().pca()));
            o.put("tsneSeconds", round(r.timing().tsne()));
            o.put("neighborSeconds", round(r.timing().neighbors()));
            o.put("optimizeSeconds", round(r.timing().optimize()));
            o.put("qualitySeconds", round(r.timing().quality()));
            o.put("affinitySeconds", round(r.timing().affinities()));
            var ph = r.timing().phases();
            o.put("attractionSeconds", round(ph.attraction()));
            o.put("repulsionSeconds", round(ph.exactRepulsion() + ph.spread() + ph.fft() + ph.gather()));
            o.put("fftSeconds", round(ph.fft()));
            o.put("interpolationSeconds", round(ph.spread() + ph.gather()));
            o.put("updateSeconds", round(ph.update()));
            o.put("largestFftGrid", ph.largestGrid());
            o.put("tsneCpuSeconds", round(r.timing().tsneCpu()));
            var cpu = r.timing().cpu();
            o.put("pcaCpuSeconds", round(cpu.pca()));
            o.put("neighborCpuSeconds", round(cpu.neighbors()));
            o.put("affinityCpuSeconds", round(cpu.affinities()));
            o.put("optimizeCpuSeconds", round(cpu.optimize()));
            o.put("qualityCpuSeconds", round(cpu.quality()));
            if (m == Embedder.Method.TSNE) {
                o.put("neighborSearch", Embedder.searchFor(n, search).name().toLowerCase(Locale.ROOT));
            }
            if (check != null) {
                o.put("knnRecall", check.recall());
                o.put("knnRecallSamples", check.samples());
                o.put("knnRecallSeconds", round(check.seconds()));
            }
            o.put("cpuSeconds", round(cpuSeconds));
            o.put("threads", pool.size());
            stdout.println(JSON.writeValueAsString(o));
        } else {
            stdout.printf(Locale.ROOT, "%s in %.1f s: %s%nWrote %s and %s%n", m == Embedder.Method.TSNE ? "t-SNE" : "PCA",
                    seconds, EmbeddingFiles.caption(n + " samples", q), out.resolve(EmbeddingFiles.CSV),
                    out.resolve(EmbeddingFiles.PNG));
        }
        stdout.flush();
        return 0;
    }

    /** CPU time of the whole process (all threads), or 0 where the JVM does not report it. */
    static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }

    private static double round(double s) {
        return Math.round(s * 1000) / 1000.0;
    }

    /** The images: --data, else a run's own (its data.json), else the bundled sample. */
    private ImageSet loadImages(PrintWriter err, Path run) {
        DataSplit split;
        try {
            if (data == null && run != null) {
                var r = org.convstudio.engine.run.RunDataSource.loadFor(run, null, DEFAULT_DATA);
                err.println("note: data: " + r.note());
                split = r.split();
            } else {
                split = DatasetLoader.load(data != null ? data : DEFAULT_DATA);
            }
        } catch (DatasetException e) {
            throw new UserError(e.getMessage());
        }
        split.warnings().forEach(w -> err.println("warning: " + w));
        ImageSet all = EmbedData.validationThenTrain(split);
        if (synthesize > 0) {
            all = EmbedData.synthesize(all, synthesize, seed);
        }
        if (samples < 0) {
            throw new UserError("--samples must be positive (or 0 for all), got " + samples);
        }
        ImageSet chosen = EmbedData.head(all, samples);
        if (chosen.size() < 3 * EmbeddingQuality.TRUST_K) {
            throw new UserError("Embedding needs at least " + 3 * EmbeddingQuality.TRUST_K + " samples, got " + chosen.size());
        }
        return chosen;
    }

    /** Converts the images to the network's input (size, channels) and normalises them as in training. */
    private ImageSet prepareForNetwork(Network net, ImageSet images, Path run) {
        try {
            return org.convstudio.engine.embed.EmbedImages.forRun(net, images, run);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** A NumPy .npy (version 1.0, little-endian float32, C order) of an {@code n × d} matrix. */
    static void writeNpy(Path file, float[] values, int n, int d) throws IOException {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + n + ", " + d + "), }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 4 * n * d).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.putShort((short) header.length());
        buf.put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = 0; i < n * d; i++) {
            buf.putFloat(values[i]);
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (OutputStream o = Files.newOutputStream(file)) {
            o.write(buf.array());
        }
    }
}
