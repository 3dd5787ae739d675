package org.convstudio.ui.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convstudio.analysis.embed.Embedder;
import org.convstudio.cli.ConvStudioCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Side by side and live mode of the Embed view-model without the toolkit, on a LeNet run trained by the CLI: the
 * input space is mapped beside the layer with the same samples and predictions, and a new epoch continues from the
 * map shown (the points move, they do not start again from a tiny PCA cloud).
 */
class EmbedLiveTest {

    static Path run;

    private final WorkerQueueExecutor executor = new WorkerQueueExecutor();
    private final EmbedViewModel vm = new EmbedViewModel(executor);

    @BeforeAll
    static void train() throws Exception {
        run = Files.createTempDirectory("embed-live").resolve("lenet");
        assertEquals(0, ConvStudioCli.run("train", "lenet", "--epochs", "1", "--limit", "600", "--seed", "5",
                "--out", run.toString()));
    }

    private EmbedRequest layer(Embedder.Method method) {
        return new EmbedRequest(run, null, method, 10, 300, 42);
    }

    @Test
    void sideBySideMapsTheInputSpaceBesideTheLayerWithTheSameSamples() throws Exception {
        vm.compute(layer(Embedder.Method.PCA));
        assertTrue(vm.comparingProperty().get());
        executor.runUntil(() -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().done(), 120);
        EmbedSnapshot in = vm.inputProperty().get();
        EmbedSnapshot layer = vm.snapshotProperty().get();
        assertNotNull(in);
        assertTrue(in.done() && in.inputSpace(), "the input space finished first");
        assertFalse(layer.inputSpace());
        assertEquals(300, in.points());
        assertEquals(300, layer.points());
        assertSame(layer.predictions(), in.predictions(), "the input space is coloured with the layer's predictions");
        assertEquals(150, layer.validation(), "the run's own images (data.json): its 150 validation images first, then "
                + "its training images");
        assertEquals(org.convstudio.engine.run.RunReader.read(run).checkpoint().epochsCompleted(), layer.epoch(),
                "the map names the epoch of the weights it was made from");
        assertTrue(in.quality().neighborhoodHit() > 0.3 && layer.quality().neighborhoodHit() > 0.3);

        // the same samples again: the input space is kept, not recomputed
        vm.compute(layer(Embedder.Method.PCA));
        executor.runUntil(() -> !vm.busyProperty().get(), 120);
        assertSame(in.layout(), vm.inputProperty().get().layout());

        // a map of the pixels with the same settings is the input space beside the next layer's map
        vm.compute(layer(Embedder.Method.PCA).inputSpace());
        executor.runUntil(() -> !vm.busyProperty().get(), 120);
        EmbedSnapshot pixels = vm.snapshotProperty().get();
        assertSame(pixels, vm.inputProperty().get());
        vm.compute(layer(Embedder.Method.PCA));
        executor.runUntil(() -> !vm.busyProperty().get(), 120);
        assertSame(pixels.layout(), vm.inputProperty().get().layout(), "the pixels' map is reused");

        // side by side off: a layer alone
        vm.sideBySideProperty().set(false);
        vm.compute(layer(Embedder.Method.PCA));
        assertFalse(vm.comparingProperty().get());
        executor.runUntil(() -> !vm.busyProperty().get(), 120);
    }

    @Test
    void liveEpochsContinueFromTheMapShownAndCanBeReplayed() throws Exception {
        assertFalse(vm.liveEpoch(layer(Embedder.Method.TSNE)), "live mode is off by default");
        vm.liveProperty().set(true);
        vm.sideBySideProperty().set(false);
        assertTrue(vm.liveEpoch(layer(Embedder.Method.TSNE)));
        executor.runUntil(() -> !vm.busyProperty().get(), 180);
        EmbedSnapshot first = vm.snapshotProperty().get();
        assertTrue(first.done(), vm.statusProperty().get());
        assertEquals(1, vm.epochs().size());

        // a second epoch is saved into the run folder, as the Train workspace's run does
        assertEquals(0, ConvStudioCli.run("train", "--resume", run.toString(), "--epochs", "1"));
        List<EmbedSnapshot> shown = new ArrayList<>();
        vm.snapshotProperty().addListener((o, a, b) -> shown.add(b));
        vm.liveEpoch(layer(Embedder.Method.TSNE));
        executor.runUntil(() -> !vm.busyProperty().get(), 180);
        EmbedSnapshot second = vm.snapshotProperty().get();
        assertEquals(2, second.epoch());
        assertEquals(Embedder.WARM_ITERATIONS, second.iteration(), "plain iterations from the previous layout");
        assertEquals(List.of(1, 2), vm.epochs().stream().map(EmbedSnapshot::epoch).toList());
        assertEquals(1, vm.shownEpochProperty().get());

        EmbedSnapshot early = shown.get(0);
        assertFalse(early.done());
        double spreadBefore = spread(first.layout());
        assertTrue(spread(early.layout()) > 0.5 * spreadBefore, "the first layout of epoch 2 is as large as epoch 1's"
                + " map (" + spread(early.layout()) + " vs " + spreadBefore + "), not a new PCA start");
        assertTrue(correlation(early.layout(), first.layout()) > 0.6, "points start where they were: correlation "
                + correlation(early.layout(), first.layout()));

        vm.showEpoch(0);
        assertSame(first, vm.snapshotProperty().get());
        assertEquals(0, vm.shownEpochProperty().get());
    }

    /** Root-mean-square distance of the points from their centre. */
    static double spread(float[] l) {
        double mx = 0;
        double my = 0;
        int n = l.length / 2;
        for (int i = 0; i < n; i++) {
            mx += l[2 * i];
            my += l[2 * i + 1];
        }
        mx /= n;
        my /= n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (l[2 * i] - mx) * (l[2 * i] - mx) + (l[2 * i + 1] - my) * (l[2 * i + 1] - my);
        }
        return Math.sqrt(s / n);
    }

    /** Mean of the Pearson correlations of the x and of the y coordinates. */
    static double correlation(float[] a, float[] b) {
        return (pearson(a, b, 0) + pearson(a, b, 1)) / 2;
    }

    private static double pearson(float[] a, float[] b, int axis) {
        int n = a.length / 2;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[2 * i + axis];
            mb += b[2 * i + axis];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double x = a[2 * i + axis] - ma;
            double y = b[2 * i + axis] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
