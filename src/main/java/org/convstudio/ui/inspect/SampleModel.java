package org.convstudio.ui.inspect;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import org.convstudio.analysis.image.DigitPreprocessor;
import org.convstudio.engine.data.ImageFolderReader;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.probe.InspectionData;
import org.convstudio.engine.probe.InspectionModel;
import org.convstudio.ui.inspect.InspectSnapshots.Sample;

/**
 * What the network is shown, for the {@link InspectViewModel}: a validation sample, an image file or the
 * drawing, each run through the model on its inspection worker and published through the view-model. Requests
 * overtaken by newer ones (a new sample, a new stroke) are skipped before they start. While a followed run's
 * weights change, the drawing is run again about once a second so that its prediction follows the run.
 */
final class SampleModel {

    private static final long LIVE_DRAW_INTERVAL = 1_000_000_000L;

    private final InspectViewModel vm;
    private final ObjectProperty<Sample> sample;
    private final ObjectProperty<Sample> drawing;
    private final AtomicLong sampleRequest = new AtomicLong();
    private final AtomicLong drawRequest = new AtomicLong();
    /** The raw pixels of the image file shown as the sample (null before one is opened). */
    private volatile float[] fileImage;
    /** The last drawing and when it was run again for a followed run's new weights (UI thread). */
    private float[] lastInk;
    private int inkH;
    private int inkW;
    private long lastLiveDraw;

    SampleModel(InspectViewModel vm, ObjectProperty<Sample> sample, ObjectProperty<Sample> drawing) {
        this.vm = vm;
        this.sample = sample;
        this.drawing = drawing;
    }

    CompletableFuture<Sample> select(int index) {
        if (vm.follower().following()) {
            vm.follower().setSample(index);
            return CompletableFuture.completedFuture(null);
        }
        InspectionModel m = vm.requireModel();
        InspectionData d = vm.data;
        int i = Math.max(0, Math.min(d.raw().size() - 1, index));
        long req = sampleRequest.incrementAndGet();
        return m.submit((p, g) -> {
            if (req != sampleRequest.get()) {
                return null; // overtaken by a newer choice
            }
            Sample s = InspectTasks.sample(p, i, d.raw().image(i), d.scaled().image(i), d.raw().labels()[i]);
            vm.post(() -> sample.set(s));
            return s;
        }).exceptionallyCompose(t -> {
            vm.fail(t);
            return CompletableFuture.completedFuture(null);
        });
    }

    CompletableFuture<Sample> draw(float[] ink, int h, int w) {
        InspectionModel m = vm.requireModel();
        lastInk = ink;
        inkH = h;
        inkW = w;
        InspectionData d = vm.data;
        long req = drawRequest.incrementAndGet();
        return m.submit((p, g) -> {
            if (req != drawRequest.get()) {
                return null;
            }
            int[] chw = p.inputShape();
            float[] digit = DigitPreprocessor.toMnist(ink, h, w);
            float[] raw = InspectTasks.fit(digit, DigitPreprocessor.SIZE, DigitPreprocessor.SIZE, chw);
            Sample s = InspectTasks.sample(p, -1, raw, d.scale(raw), -1);
            vm.post(() -> drawing.set(s));
            return s;
        });
    }

    /** The followed run's weights changed (UI thread): the drawing, if any, is run again at most once a second. */
    void liveWeightsChanged() {
        float[] ink = lastInk;
        long now = System.nanoTime();
        if (ink != null && drawing.get() != null && now - lastLiveDraw > LIVE_DRAW_INTERVAL) {
            lastLiveDraw = now;
            draw(ink, inkH, inkW);
        }
    }

    CompletableFuture<Sample> selectImageFile(Path file) {
        if (vm.follower().following()) {
            vm.statusProperty().set("Choose a saved run or a design to look at an image file: a live run shows its validation images.");
            return CompletableFuture.completedFuture(null);
        }
        InspectionModel m = vm.requireModel();
        InspectionData d = vm.data;
        sampleRequest.incrementAndGet(); // a validation sample still on its way no longer replaces it
        return m.submit((p, g) -> {
            int[] chw = p.inputShape();
            float[] raw = ImageFolderReader.readImage(file, new ImageShape(chw[0], chw[1], chw[2]));
            Sample s = InspectTasks.sample(p, Sample.FILE, raw, d.scale(raw), -1);
            fileImage = raw;
            vm.post(() -> {
                sample.set(s);
                vm.statusProperty().set("Sample: the image file " + file.getFileName() + ", converted to " + chw[0] + "×"
                        + chw[1] + "×" + chw[2]);
            });
            return s;
        }).exceptionallyCompose(t -> {
            vm.fail(t);
            return CompletableFuture.completedFuture(null);
        });
    }

    float[] rawImage(int i) {
        if (i == Sample.FILE) {
            return fileImage;
        }
        InspectionData d = vm.data;
        return d == null || i < 0 || i >= d.raw().size() ? null : d.raw().image(i);
    }
}
