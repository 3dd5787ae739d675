package org.convstudio.ui.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.scene.control.Spinner;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.engine.train.TrainingSession;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark (prints, never asserts): training throughput of {@code lenet} on the bundled MNIST sample
 * (8,000 training images, batch 64) with the Train workspace's live dashboard open, against the same
 * training headless (a {@link TrainingSession} without listener or UI; same network, data, config and
 * PyTorch threads), interleaved; and the UI's frame gaps while training (an {@link AnimationTimer}
 * records the time between pulses). Throughput is each epoch's training images per second as the
 * engine measures it (validation excluded), the same measure on both sides.
 *
 * <p>Run: {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -q test -Dtest=TrainDashboardBenchmark
 * -Dbench=true -Dbench.rounds=3 -Dbench.epochs=2}; results in
 * {@code target/surefire-reports/org.convstudio.ui.training.TrainDashboardBenchmark-output.txt}.
 */
@Tag("gui")
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TrainDashboardBenchmark {

    @Test
    void dashboardOverheadAndFrameGaps() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int epochs = Integer.getInteger("bench.epochs", 2);
        GuiTestSupport.isolate();
        ConvStudioApp app = GuiTestSupport.start();
        try {
            TrainingViewModel vm = app.window().training();
            GuiTestSupport.fx(() -> {
                app.stage().setWidth(1440);
                app.stage().setHeight(900);
                app.window().show("train");
            });
            GuiTestSupport.waitUntil(() -> vm.dataProperty().get() != null && !vm.dataLoadingProperty().get(), 60);
            @SuppressWarnings("unchecked")
            Spinner<Integer> ep = GuiTestSupport.lookup(app, "#train-epochs");
            GuiTestSupport.fx(() -> ep.getValueFactory().setValue(epochs));
            TrainingConfig config = GuiTestSupport.fx(() -> vm.configProperty().get());
            LoadedData data = GuiTestSupport.fx(() -> vm.dataProperty().get());
            Analysis analysis = GuiTestSupport.fx(() -> vm.analysisProperty().get());
            Network net = analysis.network();
            org.convstudio.model.Shape in = analysis.inputShape().orElseThrow();
            System.out.printf(Locale.ROOT, "lenet (%s), %,d training images, batch %d, %d epochs per measurement, "
                    + "PyTorch intra-op threads %d (forApp), cores %d%n", net.name(), data.split().train().size(),
                    config.batchSize(), epochs, TorchThreads.forApp().intraOp(), TorchThreads.cores());

            headless(net, in, config, data); // warm-up, both sides
            dashboard(vm);
            List<Double> gaps = new ArrayList<>();
            long[] last = {0};
            boolean[] recording = {false};
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (recording[0] && last[0] != 0) {
                        gaps.add((now - last[0]) / 1e6);
                    }
                    last[0] = now;
                }
            };
            double[] h = new double[rounds];
            double[] u = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                var cpu0 = threadCpu();
                h[r] = headless(net, in, config, data);
                printCpu("headless", cpu0, threadCpu());
                var cpu1 = threadCpu();
                dashboard(vm);
                printCpu("dashboard", cpu1, threadCpu());
                Path folder = ((EngineRun) GuiTestSupport.fx(vm::currentRun)).request().folder();
                u[r] = mean(new RunFolder(folder).readHistory());
                System.out.printf(Locale.ROOT, "round %d: headless %,.0f images/s, dashboard %,.0f images/s, ratio %.3f%n",
                        r + 1, h[r], u[r], u[r] / h[r]);
            }
            // frame gaps in a separate dashboard run: the probe (an AnimationTimer) forces a pulse every
            // frame, which the app alone never does, so it stays out of the throughput rounds
            GuiTestSupport.fx(() -> {
                last[0] = 0;
                recording[0] = true;
                timer.start();
            });
            dashboard(vm);
            GuiTestSupport.fx(() -> {
                recording[0] = false;
                timer.stop();
            });
            double hm = Arrays.stream(h).average().orElse(Double.NaN);
            double um = Arrays.stream(u).average().orElse(Double.NaN);
            double[] g = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "mean: headless %,.0f images/s, dashboard %,.0f images/s, ratio %.3f (goal >= 0.95)%n",
                    hm, um, um / hm);
            System.out.printf(Locale.ROOT, "frame gaps while training (%,d pulses): median %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms, over 50 ms: %d (goal: none)%n", g.length, pct(g, 0.5), pct(g, 0.99),
                    g.length == 0 ? Double.NaN : g[g.length - 1], Arrays.stream(g).filter(x -> x > 50).count());
        } finally {
            GuiTestSupport.stop(app);
        }
    }

    /**
     * One run from the Train workspace. Waits with a coarse poll: TestFX's waitFor would query the FX
     * thread every few milliseconds, a load the app itself never has.
     */
    private static void dashboard(TrainingViewModel vm) throws Exception {
        GuiTestSupport.fx(vm::train);
        for (int i = 0; i < 2400; i++) {
            Thread.sleep(250);
            RunState st = GuiTestSupport.fx(vm::getState);
            if (st == RunState.FINISHED || st == RunState.FAILED) {
                return;
            }
        }
        throw new IllegalStateException("the dashboard run did not finish in 10 minutes");
    }

    private static double headless(Network net, org.convstudio.model.Shape in, TrainingConfig config,
                                   LoadedData data) throws Exception {
        try (TrainingSession s = TrainingSession.builder()
                .setNetwork(() -> NetworkBlock.of(net), new ai.djl.ndarray.types.Shape(in.channels(), in.height(),
                        in.width()), NetworkBlock.of(net).classCount())
                .setConfig(config).optThreads(TorchThreads.forApp()).build()) {
            s.start(data.split().train(), data.split().test()).get();
            return mean(s.history());
        }
    }

    /** CPU seconds per thread-name group in this JVM, plus the X server's (from /proc), for the report. */
    private static java.util.Map<String, Double> threadCpu() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            long t = mx.getThreadCpuTime(id);
            if (info != null && t > 0) {
                String name = info.getThreadName().replaceAll("[-#]?\\d+$", "");
                out.merge(name, t / 1e9, Double::sum);
            }
        }
        out.put("(X server)", xServerCpu());
        return out;
    }

    private static double xServerCpu() {
        try (var dirs = java.nio.file.Files.list(Path.of("/proc"))) {
            double sum = 0;
            for (Path d : dirs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = java.nio.file.Files.readString(d.resolve("stat"));
                    if (stat.contains("(Xvfb)")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    }
                } catch (Exception ignored) {
                    // process gone
                }
            }
            return sum;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static void printCpu(String what, java.util.Map<String, Double> a, java.util.Map<String, Double> b) {
        StringBuilder sb = new StringBuilder("  cpu s (" + what + "):");
        b.entrySet().stream().map(e -> java.util.Map.entry(e.getKey(), e.getValue() - a.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() > 0.05).sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                .limit(8).forEach(e -> sb.append(String.format(Locale.ROOT, " %s %.2f;", e.getKey(), e.getValue())));
        System.out.println(sb);
    }

    private static double mean(List<EpochRecord> history) {
        return history.stream().mapToDouble(EpochRecord::imagesPerSecond).average().orElse(Double.NaN);
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
