package org.convstudio.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.convstudio.model.graph.Network;

/**
 * What live probing costs training: {@link TrainThroughputBenchmark} plain and with a live probe at a given
 * rate, interleaved in the same process over several rounds (plain first in even rounds, probed first in odd
 * ones, so drift in the machine's load hits both sides alike), each round a fresh model with its own warm-up.
 * The figure is the median over rounds of probed ÷ plain throughput. CLI: {@code bench train <net> --probes N}.
 */
public final class ProbeOverheadBenchmark {

    /** One interleaved round. */
    public record Round(TrainThroughputBenchmark.Result plain, TrainThroughputBenchmark.Result probed) {
        /** Probed over plain throughput (1.0: probing cost nothing). */
        public double ratio() {
            return probed.imagesPerSecond() / plain.imagesPerSecond();
        }
    }

    /** All rounds and their medians. */
    public record Comparison(double probesPerSecond, List<Round> rounds) {
        public Comparison {
            rounds = List.copyOf(rounds);
        }

        public double plainImagesPerSecond() {
            return median(r -> r.plain().imagesPerSecond());
        }

        public double probedImagesPerSecond() {
            return median(r -> r.probed().imagesPerSecond());
        }

        public double plainSeconds() {
            return median(r -> r.plain().seconds());
        }

        /** Median over rounds of each round's probed ÷ plain ratio. */
        public double ratio() {
            return median(Round::ratio);
        }

        /** Probe rounds run in the timed parts, all rounds together. */
        public long probeRounds() {
            return rounds.stream().mapToLong(r -> r.probed().probeRounds()).sum();
        }

        /** Mean time one probe round held up training, in milliseconds (NaN without any round). */
        public double probeMsPerRound() {
            long n = probeRounds();
            return n == 0 ? Double.NaN : rounds.stream().mapToLong(r -> r.probed().probeNanos()).sum() / 1e6 / n;
        }

        /**
         * Share of the probed runs' timed wall time spent inside probe rounds: the probe's direct cost,
         * steadier than {@link #ratio()} on a loaded machine (it leaves out indirect effects such as caches).
         */
        public double probeTimeShare() {
            double s = rounds.stream().mapToDouble(r -> r.probed().seconds()).sum();
            return rounds.stream().mapToLong(r -> r.probed().probeNanos()).sum() / 1e9 / s;
        }

        /** Probe rounds per second of timed probed training actually achieved. */
        public double achievedProbesPerSecond() {
            double s = rounds.stream().mapToDouble(r -> r.probed().seconds()).sum();
            return probeRounds() / s;
        }

        private double median(ToDoubleFunction<Round> f) {
            double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }

        /** One line per round, then the medians. */
        public String report() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < rounds.size(); i++) {
                Round r = rounds.get(i);
                b.append(String.format(Locale.ROOT, "round %d (%s first): plain %.1f images/s, probed %.1f images/s "
                                + "(%d probe rounds), ratio %.4f%n", i + 1, i % 2 == 0 ? "plain" : "probed",
                        r.plain().imagesPerSecond(), r.probed().imagesPerSecond(), r.probed().probeRounds(), r.ratio()));
            }
            b.append(String.format(Locale.ROOT, "median of %d interleaved rounds: plain %.1f images/s, probed at %s/s "
                            + "%.1f images/s, ratio %.4f (%.2f %% throughput loss); %.2f ms per probe round, %.2f rounds/s, "
                            + "%.2f %% of the probed runs' time spent in probe rounds",
                    rounds.size(), plainImagesPerSecond(), fmt(probesPerSecond), probedImagesPerSecond(), ratio(),
                    (1 - ratio()) * 100, probeMsPerRound(), achievedProbesPerSecond(),
                    probeTimeShare() * 100));
            return b.toString();
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    private ProbeOverheadBenchmark() {
    }

    /**
     * Runs {@code rounds} interleaved rounds of {@code o} without and with a probe at {@code o.probes()}
     * rounds per second.
     */
    public static Comparison run(Network network, TrainThroughputBenchmark.Options o, int rounds) {
        if (!(o.probes() > 0)) {
            throw new IllegalArgumentException("--probes must be above 0 probe rounds per second");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        TrainThroughputBenchmark.Options plain = o.withProbes(0);
        List<Round> out = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            TrainThroughputBenchmark.Result a;
            TrainThroughputBenchmark.Result b;
            if (i % 2 == 0) {
                a = TrainThroughputBenchmark.run(network, plain);
                b = TrainThroughputBenchmark.run(network, o);
            } else {
                b = TrainThroughputBenchmark.run(network, o);
                a = TrainThroughputBenchmark.run(network, plain);
            }
            out.add(new Round(a, b));
        }
        return new Comparison(o.probes(), out);
    }
}
