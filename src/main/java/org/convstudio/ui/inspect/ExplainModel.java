package org.convstudio.ui.inspect;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.convstudio.analysis.image.ReceptiveFieldRect;
import org.convstudio.engine.probe.InspectionData;
import org.convstudio.engine.probe.InspectionModel;
import org.convstudio.ui.inspect.InspectSnapshots.Attribution;
import org.convstudio.ui.inspect.InspectSnapshots.Field;
import org.convstudio.ui.inspect.InspectSnapshots.Sample;
import org.convstudio.ui.inspect.InspectSnapshots.Wanted;

/**
 * The panes that explain the selected sample — a unit's receptive fields, attribution, what a channel wants —
 * computed on the inspection worker of the {@link InspectViewModel}'s model and published through it.
 */
final class ExplainModel {

    final ObjectProperty<Field> field = new SimpleObjectProperty<>();
    final ObjectProperty<Attribution> attribution = new SimpleObjectProperty<>();
    final ObjectProperty<Wanted> wanted = new SimpleObjectProperty<>();
    private final AtomicBoolean cancelWanted = new AtomicBoolean();
    private final InspectViewModel vm;

    ExplainModel(InspectViewModel vm) {
        this.vm = vm;
    }

    /** Forgets the results (another model opened). Call on the UI thread. */
    void clear() {
        field.set(null);
        attribution.set(null);
        wanted.set(null);
    }

    /** Selects unit (channel, y, x) of {@code layer}: its rectangle now, its effective field from the worker. */
    CompletableFuture<Field> selectUnit(String layer, int channel, int y, int x, int batch) {
        InspectionModel m = vm.requireModel();
        InspectionData d = vm.data;
        Sample s = vm.sampleProperty().get();
        float[] file = s != null && s.index() == Sample.FILE ? vm.rawImage(Sample.FILE) : null;
        int index = file != null ? Sample.FILE : s == null || s.index() < 0 ? 0 : s.index();
        return m.submit((p, g) -> {
            ReceptiveFieldRect rect = ReceptiveFieldRect.of(p.analysis(), layer, y, x);
            int n = file != null ? 1 : Math.max(1, Math.min(batch, d.scaled().size() - index));
            float[] images = file != null ? d.scale(file) : new float[n * p.inputLength()];
            for (int k = 0; file == null && k < n; k++) {
                System.arraycopy(d.scaled().image(index + k), 0, images, k * p.inputLength(), p.inputLength());
            }
            float[] erf = g.effectiveReceptiveField(images, n, layer, channel, rect.y(), rect.x());
            Field f = new Field(rect, channel, erf, index);
            vm.post(() -> field.set(f));
            return f;
        }).exceptionallyCompose(t -> {
            vm.fail(t);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Saliency, SmoothGrad, Grad-CAM on {@code layer} and occlusion for class {@code cls} (-1: predicted). */
    CompletableFuture<Attribution> computeAttribution(int cls, String layer) {
        InspectionModel m = vm.requireModel();
        InspectionData d = vm.data;
        Sample s = vm.sampleProperty().get();
        float[] file = s != null && s.index() == Sample.FILE ? vm.rawImage(Sample.FILE) : null;
        int index = file != null ? Sample.FILE : s == null ? 0 : Math.max(0, s.index());
        vm.post(() -> vm.busyProperty().set(true));
        return m.submit((p, g) -> {
            float[] x = file != null ? d.scale(file) : d.scaled().image(index);
            Attribution a = InspectTasks.attribution(p, g, d, index, x, cls, layer);
            vm.post(() -> {
                attribution.set(a);
                vm.busyProperty().set(false);
            });
            return a;
        }).exceptionallyCompose(t -> {
            vm.fail(t);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Activation maximisation of one channel; cancellable with {@link #cancelWanted()}. */
    CompletableFuture<Wanted> computeWanted(String layer, int channel) {
        InspectionModel m = vm.requireModel();
        cancelWanted.set(false);
        vm.post(() -> {
            vm.busyProperty().set(true);
            vm.statusProperty().set("Finding what " + layer + " channel " + channel + " responds to…");
        });
        return m.submit((p, g) -> {
            var r = org.convstudio.engine.probe.ActivationMaximizer.defaults().run(g, layer, channel, 1, cancelWanted::get);
            Wanted w = new Wanted(layer, channel, r.image(), r.activation());
            vm.post(() -> {
                wanted.set(w);
                vm.busyProperty().set(false);
                vm.statusProperty().set(String.format(java.util.Locale.ROOT, "%s channel %d: mean activation %.3f for this image", layer,
                        channel, r.activation()));
            });
            return w;
        }).exceptionallyCompose(t -> {
            vm.fail(t);
            return CompletableFuture.completedFuture(null);
        });
    }

    void cancelWanted() {
        cancelWanted.set(true);
    }
}
