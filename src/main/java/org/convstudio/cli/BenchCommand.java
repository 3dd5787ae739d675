package org.convstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convstudio.engine.bench.ProbeOverheadBenchmark;
import org.convstudio.engine.bench.TrainThroughputBenchmark;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.model.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print their figures.", subcommands = {BenchCommand.Train.class, BenchEmbedLive.class})
final class BenchCommand {

    @Command(name = "train", mixinStandardHelpOptions = true, description = {"Steady-state training throughput (images/s) on synthetic input of the network's shape:",
        "Adam, the app's own training step, warm-up excluded."})
    static final class Train implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "<preset-id|file>")
        String network;

        @Option(names = "--batch", defaultValue = "128", description = "Batch size. Default ${DEFAULT-VALUE}.")
        int batch;

        @Option(names = "--iterations", defaultValue = "200", description = "Timed training steps. Default ${DEFAULT-VALUE}.")
        int iterations;

        @Option(names = "--warmup", defaultValue = "30", description = "Untimed steps first. Default ${DEFAULT-VALUE}.")
        int warmup;

        @Option(names = "--threads", defaultValue = "0", description = "PyTorch intra-op threads (0: all cores).")
        int threads;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Option(names = "--phases", description = "Also print the time per batch of data, forward+loss, backward, optimizer and the rest.")
        boolean phases;

        @Option(names = "--profile", paramLabel = "FILE", description = "Also record 20 more steps with libtorch's profiler into FILE (Chrome trace JSON).")
        java.nio.file.Path profile;

        @Option(names = "--probes", paramLabel = "N", defaultValue = "0", description = {
            "Also train with a live probe (every block's output for one image, weight and gradient statistics)",
            "at most N rounds per second, interleaved with the plain run; prints both and their ratio. Default: off."})
        double probes;

        @Option(names = "--rounds", defaultValue = "5", description = "Interleaved plain/probed rounds with --probes. Default ${DEFAULT-VALUE}.")
        int rounds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (batch < 1 || iterations < 1 || warmup < 0) {
                throw new UserError("--batch and --iterations must be at least 1, --warmup at least 0");
            }
            if (probes < 0 || Double.isNaN(probes) || Double.isInfinite(probes) || rounds < 1) {
                throw new UserError("--probes must be a number of probe rounds per second (0 or more) and --rounds at least 1");
            }
            Network net = NetworkArgument.load(network);
            int t = threads > 0 ? threads : TorchThreads.forHeadless().intraOp();
            if (probes > 0) {
                return probed(net, t);
            }
            TrainThroughputBenchmark.Result r;
            try {
                r = TrainThroughputBenchmark.run(net, new TrainThroughputBenchmark.Options(network, batch, iterations, warmup, t)
                        .withPhases(phases).withProfile(profile));
            } catch (IllegalArgumentException e) {
                throw new UserError("The design \"" + net.name() + "\" cannot be trained: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = new ObjectMapper().createObjectNode();
                o.put("network", network).put("batch", batch).put("iterations", iterations).put("warmup", warmup)
                        .put("threads", t).put("seconds", r.seconds()).put("imagesPerSecond", r.imagesPerSecond());
                if (r.phaseNanos() != null) {
                    ObjectNode ph = o.putObject("phasesMsPerBatch");
                    for (int i = 0; i < r.phaseNanos().length; i++) {
                        ph.put(org.convstudio.engine.train.BatchTrainer.PHASES.get(i), r.phaseNanos()[i] / 1e6 / iterations);
                    }
                }
                out.println(o);
            } else {
                out.printf(Locale.ROOT, "network=%s batch=%d iterations=%d threads=%d seconds=%.3f images/s: %.1f%n",
                        network, batch, iterations, t, r.seconds(), r.imagesPerSecond());
                if (r.phaseNanos() != null) {
                    out.println(r.phases());
                }
            }
            out.flush();
            return 0;
        }

        /** {@code --probes N}: plain and probed runs interleaved; the plain side fills the usual fields. */
        private int probed(Network net, int t) {
            ProbeOverheadBenchmark.Comparison c;
            try {
                c = ProbeOverheadBenchmark.run(net, new TrainThroughputBenchmark.Options(network, batch, iterations, warmup, t)
                        .withProbes(probes), rounds);
            } catch (IllegalArgumentException e) {
                throw new UserError("The design \"" + net.name() + "\" cannot be trained: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = new ObjectMapper().createObjectNode();
                o.put("network", network).put("batch", batch).put("iterations", iterations).put("warmup", warmup)
                        .put("threads", t).put("seconds", c.plainSeconds()).put("imagesPerSecond", c.plainImagesPerSecond())
                        .put("probes", probes).put("rounds", rounds)
                        .put("probedImagesPerSecond", c.probedImagesPerSecond()).put("ratio", c.ratio())
                        .put("probeRounds", c.probeRounds()).put("probeMsPerRound", c.probeMsPerRound())
                        .put("achievedProbesPerSecond", c.achievedProbesPerSecond())
                        .put("probeTimeShare", c.probeTimeShare());
                var per = o.putArray("roundRatios");
                c.rounds().forEach(r -> per.add(r.ratio()));
                out.println(o);
            } else {
                out.printf(Locale.ROOT, "network=%s batch=%d iterations=%d threads=%d probes=%s/s rounds=%d%n",
                        network, batch, iterations, t, probes, rounds);
                out.println(c.report());
            }
            out.flush();
            return 0;
        }
    }
}
