package org.convstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convstudio.analysis.embed.CpuClock;
import org.convstudio.analysis.embed.Embedder;
import org.convstudio.analysis.embed.EmbeddingListener;
import org.convstudio.analysis.embed.TsneOptions;
import org.convstudio.analysis.embed.WorkerPool;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.embed.EmbedImages;
import org.convstudio.engine.embed.LayerActivations;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.model.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench embed-live}: the Embed workspace's live mode timed in one process, as the app runs it after an epoch —
 * the layer's activations of the first validation images in the run, then t-SNE continued from the previous
 * epoch's layout (the same {@link Embedder#embed} call with a warm start, the same options as the workspace). The
 * previous layout is a full t-SNE of {@code --previous}'s activations (the run one epoch earlier), made first in the
 * same process, so the code is compiled as it is in the app by then.
 */
@Command(name = "embed-live", mixinStandardHelpOptions = true, description = {
    "Live mode of the Embed workspace, timed: a layer of a run re-embedded from the previous epoch's layout.",
    "Prints per round the activations' and the re-embedding's wall and CPU seconds (PCA, kNN, affinities,",
    "optimisation, scores), then the medians."})
final class BenchEmbedLive implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<run-folder>", description = "The run after the epoch (its weights are embedded).")
    Path run;

    @Option(names = "--previous", description = "The same run one epoch earlier (default: the run itself).")
    Path previous;

    @Option(names = "--layer", description = "Block id (default: the input of the last Dense block, as the workspace).")
    String layer;

    @Option(names = "--samples", defaultValue = "2000", description = "Validation images first (default: ${DEFAULT-VALUE}, the workspace's default).")
    int samples;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed re-embeddings (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--perplexity", defaultValue = "30", description = "t-SNE perplexity (default: ${DEFAULT-VALUE}).")
    double perplexity;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        if (rounds < 1 || samples < 3 * 12) {
            throw new UserError("--rounds must be at least 1 and --samples at least 36");
        }
        Path before = previous != null ? previous : run;
        for (Path p : new Path[] {run, before}) {
            if (!new RunFolder(p).hasCheckpoint()) {
                throw new UserError("\"" + p + "\" is not a run folder with a finished epoch — train first");
            }
        }
        DataSplit split;
        try {
            split = DatasetLoader.load("mnist-sample");
        } catch (DatasetException e) {
            throw new UserError(e.getMessage());
        }
        ImageSet images = EmbedImages.head(EmbedImages.validationThenTrain(split), samples);
        int n = images.size();
        Network net = org.convstudio.engine.run.RunReader.read(run).design();
        String id = layer != null ? layer : LayerActivations.defaultLayer(net);
        TsneOptions options = TsneOptions.defaults().withPerplexity(perplexity).withSeed(42);
        WorkerPool pool = WorkerPool.shared();
        Embedder embedder = new Embedder(pool);

        LayerActivations.Activations a0 = activations(before, id, images);
        long c0 = CpuClock.processNanos();
        long t0 = System.nanoTime();
        Embedder.Result first = embedder.embed(a0.rows(), n, a0.dimensions(), images.labels(), Embedder.Method.TSNE,
                options, null, EmbeddingListener.NONE, () -> false);
        double firstWall = (System.nanoTime() - t0) / 1e9;
        double firstCpu = (CpuClock.processNanos() - c0) / 1e9;

        double[] actWall = new double[rounds];
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        ObjectNode o = new ObjectMapper().createObjectNode();
        ArrayNode per = o.putArray("rounds");
        Embedder.Result last = null;
        for (int r = 0; r < rounds; r++) {
            long ta = System.nanoTime();
            LayerActivations.Activations a = activations(run, id, images);
            actWall[r] = (System.nanoTime() - ta) / 1e9;
            long c1 = CpuClock.processNanos();
            long t1 = System.nanoTime();
            last = embedder.embed(a.rows(), n, a.dimensions(), images.labels(), Embedder.Method.TSNE, options,
                    first.layout(), EmbeddingListener.NONE, () -> false);
            wall[r] = (System.nanoTime() - t1) / 1e9;
            cpu[r] = (CpuClock.processNanos() - c1) / 1e9;
            var t = last.timing();
            ObjectNode e = per.addObject();
            e.put("activationSeconds", round(actWall[r])).put("embedSeconds", round(wall[r])).put("embedCpuSeconds", round(cpu[r]))
                    .put("pcaSeconds", round(t.pca())).put("neighborSeconds", round(t.neighbors()))
                    .put("affinitySeconds", round(t.affinities())).put("optimizeSeconds", round(t.optimize()))
                    .put("qualitySeconds", round(t.quality())).put("neighborhoodHit", last.quality().neighborhoodHit());
        }
        o.put("run", run.toString()).put("previous", before.toString()).put("layer", id).put("points", n)
                .put("dimensions", a0.dimensions()).put("iterations", last.iterations()).put("threads", pool.size())
                .put("firstEmbeddingSeconds", round(firstWall)).put("firstEmbeddingCpuSeconds", round(firstCpu))
                .put("medianActivationSeconds", round(median(actWall))).put("medianEmbedSeconds", round(median(wall)))
                .put("medianEmbedCpuSeconds", round(median(cpu)))
                .put("medianLiveSeconds", round(median(sum(actWall, wall))))
                .put("neighborhoodHit", last.quality().neighborhoodHit()).put("k", last.quality().k())
                .put("previousNeighborhoodHit", first.quality().neighborhoodHit())
                .put("loadAverage", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(o);
        } else {
            for (int r = 0; r < rounds; r++) {
                out.printf(Locale.ROOT, "round %d: activations %.3f s, re-embedding %.3f s wall %.3f s CPU%n", r + 1, actWall[r],
                        wall[r], cpu[r]);
            }
            out.printf(Locale.ROOT, "%d points of %s (%d-d), %d iterations from the previous layout: median %.3f s "
                            + "(activations %.3f s + re-embedding %.3f s wall, %.3f s CPU); hit %.4f (k = %d); load average %s%n",
                    n, id, a0.dimensions(), last.iterations(), median(sum(actWall, wall)), median(actWall), median(wall),
                    median(cpu), last.quality().neighborhoodHit(), last.quality().k(), o.get("loadAverage").asText());
        }
        out.flush();
        return 0;
    }

    private LayerActivations.Activations activations(Path folder, String id, ImageSet images) {
        Network net = org.convstudio.engine.run.RunReader.read(folder).design();
        try {
            ImageSet input = EmbedImages.forRun(net, images, folder);
            return LayerActivations.compute(folder, net, input, id, () -> false);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("Cannot read the weights of " + folder + ": " + e.getMessage());
        }
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double round(double s) {
        return Math.round(s * 1000) / 1000.0;
    }
}
