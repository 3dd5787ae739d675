package org.convstudio.ui.inspect;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.convstudio.model.preset.Presets;

/**
 * Draw-a-digit latency: time from handing a 280×280 drawing to the view-model until the class
 * probabilities and every layer's feature maps are back (pre-processing, forward pass with capture of
 * every node, copies), one stroke step after another. Prints median and 95th percentile.
 *
 * <p>{@code mvn -B -q test-compile && java -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath
 * -Dmdep.outputFile=/dev/stdout) org.convstudio.ui.inspect.DrawLatencyBenchmark [run-folder] [updates]}
 */
public final class DrawLatencyBenchmark {

    private DrawLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        ExecutorService bg = Executors.newSingleThreadExecutor();
        InspectViewModel vm = new InspectViewModel(bg, Runnable::run);
        InspectSource source = args.length > 0 ? InspectSource.run(args[0], Path.of(args[0]))
                : InspectSource.design("lenet", Presets.get("lenet"));
        vm.open(source).get();
        int side = DrawPane.SIDE;
        float[] ink = new float[side * side];
        long[] nanos = new long[n];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = 0;
        for (int i = -30; i < n; i++) {
            // a stroke that grows by a few pixels per update, as a mouse drag does
            int k = Math.floorMod(i, 200);
            int cx = 60 + k;
            int cy = 60 + (k * 3) % 160;
            for (int y = Math.max(0, cy - 9); y < Math.min(side, cy + 9); y++) {
                for (int x = Math.max(0, cx - 9); x < Math.min(side, cx + 9); x++) {
                    ink[y * side + x] = 1f;
                }
            }
            if (i == 0) {
                cpu0 = os.getProcessCpuTime();
            }
            long t0 = System.nanoTime();
            vm.draw(ink.clone(), side, side).get();
            long dt = System.nanoTime() - t0;
            if (i >= 0) {
                nanos[i] = dt;
            }
        }
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / n;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "draw-a-digit update (%s, %d updates): median %.1f ms, p95 %.1f ms wall; %.1f ms CPU "
                        + "per update (all threads; wall time is inflated when the machine is shared)%n", source.label(), n,
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, cpuMs);
        vm.close();
        bg.shutdown();
    }
}
