package org.convstudio.engine.lesson;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.convstudio.engine.probe.InspectionModel;
import org.convstudio.engine.probe.WeightCopy;
import org.convstudio.model.preset.Presets;

/**
 * What the Classroom's network lessons cost while they follow a run, off the training thread: one refresh (a
 * probe round's weights put into the lessons' model, the first layer's filters, one convolution's kernel and
 * input for a sample), the slide drawn again, and one effective field (64 images through the network and back, once an epoch). Prints
 * the median and 90th percentile wall time and the process CPU time per call, and what the refresh rate makes of
 * it, with the slide drawn each time (the probe round itself on the training thread is measured by {@code bench --probes}).
 *
 * <p>{@code mvn -B -q test-compile && java -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath
 * -Dmdep.outputFile=/dev/stdout) org.convstudio.engine.lesson.LiveLessonCostBenchmark [preset] [refreshes] [fields]}
 */
public final class LiveLessonCostBenchmark {

    /** {@code ui.classroom.RunFollower.REFRESH_PER_SECOND} (not imported: engine tests stay out of ui). */
    static final int REFRESH_PER_SECOND = 2;

    private LiveLessonCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String preset = args.length > 0 ? args[0] : "lenet";
        int refreshes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int fields = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<List<WeightCopy>> rounds = new java.util.ArrayList<>();
        for (int seed = 1; seed <= 2; seed++) { // two sets of weights, alternated as if training moved them
            try (InspectionModel m = InspectionModel.open(Presets.get(preset), seed)) {
                rounds.add(m.call((p, g) -> p.weights(false)));
            }
        }
        try (NetworkLessons n = NetworkLessons.design(Presets.get(preset))) {
            String conv = NetworkLessons.convolutions(n.network()).get(0);
            List<String> spatial = NetworkLessons.spatialLayers(n.network());
            String deepest = spatial.get(spatial.size() - 1);
            for (int i = 0; i < 5; i++) { // warm-up
                n.setWeights(rounds.get(i % 2), "warm-up");
                n.filters();
                n.layer(conv, 0, 0);
            }
            n.field(deepest);
            long[][] refresh = measure(refreshes, os, i -> {
                n.setWeights(rounds.get(i % 2), "round " + i);
                n.filters();
                n.layer(conv, 0, 0);
            });
            long[][] field = measure(fields, os, i -> {
                n.setWeights(rounds.get(i % 2), "round " + i);
                n.field(deepest);
            });
            double[][] digit = SampleDigit.load(0);
            var filters = n.filters();
            long[][] slide = measure(refreshes, os, i -> {
                var lesson = new org.convstudio.analysis.lesson.KernelsLesson(digit, null, filters);
                new org.convstudio.analysis.lesson.LessonRenderer(org.convstudio.analysis.lesson.LessonRenderer.Theme.PRESENTATION)
                        .render(lesson, 9, 1280, 720);
            });
            System.out.printf(Locale.ROOT, "network=%s refreshes=%d fields=%d cores=%d load=%.2f%n", preset, refreshes, fields,
                    Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
            print("refresh (weights in, filters, one kernel and input)", refresh);
            print("effective field of " + deepest + " (" + NetworkLessons.FIELD_IMAGES + " images)", field);
            print("slide drawn (kernel playground, learned filters, 1280×720)", slide);
            double refreshCpu = (median(refresh[1]) + median(slide[1])) / 1e9;
            System.out.printf(Locale.ROOT, "refresh and slide at %d a second: %.1f %% of one core%n",
                    REFRESH_PER_SECOND, 100 * refreshCpu * REFRESH_PER_SECOND);
        }
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    /** Wall and process CPU nanoseconds of each call. */
    private static long[][] measure(int count, com.sun.management.OperatingSystemMXBean os, Call c) throws Exception {
        long[] wall = new long[count];
        long[] cpu = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            c.run(i);
            cpu[i] = os.getProcessCpuTime() - c0;
            wall[i] = System.nanoTime() - t0;
        }
        return new long[][] {wall, cpu};
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double p90(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(0.9 * s.length) - 1)];
    }

    private static void print(String what, long[][] t) {
        System.out.printf(Locale.ROOT, "%s: wall median %.1f ms, p90 %.1f ms; CPU median %.1f ms, p90 %.1f ms%n", what,
                median(t[0]) / 1e6, p90(t[0]) / 1e6, median(t[1]) / 1e6, p90(t[1]) / 1e6);
    }
}
