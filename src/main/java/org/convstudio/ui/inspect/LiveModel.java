package org.convstudio.ui.inspect;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.probe.InspectionData;
import org.convstudio.engine.probe.InspectionModel;
import org.convstudio.engine.probe.WeightCopy;
import org.convstudio.engine.run.TrainingJob;
import org.convstudio.ui.inspect.InspectSnapshots.Live;
import org.convstudio.ui.inspect.InspectSnapshots.Loaded;
import org.convstudio.ui.training.EngineRun;

/**
 * An inspection model of the run being followed, kept in step with it: the Receptive field, Attribution and
 * Draw panes then explain the weights the run has now, not a model opened earlier. The copy is built on a
 * background thread from the run's first probe round that carries weights (small networks: see
 * {@code LiveProbe.KEEP_VALUES_LIMIT}), with the run's validation images scaled as it scales them; before
 * each piece of work the newest round's weights are copied in on the inspection worker (in order, so the
 * work sees them). Nothing here touches the training thread. Call its methods on the UI thread.
 */
final class LiveModel {

    private final InspectViewModel vm;
    private final Executor background;
    private EngineRun run;
    private boolean opening;
    private InspectionModel model;
    private List<WeightCopy> latest;
    private long latestStep = -1;
    private long appliedStep = -1;

    LiveModel(InspectViewModel vm, Executor background) {
        this.vm = vm;
        this.background = background;
    }

    /** Follows {@code r}: its copy is built from its first round with weights. */
    void follow(EngineRun r) {
        run = r;
        opening = false;
        model = null;
        latest = null;
        latestStep = -1;
        appliedStep = -1;
    }

    /** The newest round of the followed run (UI thread). */
    void offer(Live l) {
        EngineRun r = vm.follower().run();
        if (r == null || r != run || l.filters().weights().isEmpty()) {
            return; // not the run followed, or a network too large to copy its weights each round
        }
        latest = l.filters().weights();
        latestStep = l.step();
        if (model == null && !opening) {
            opening = true;
            open(r, latest, latestStep, vm.generation());
        }
    }

    /** True when {@code m} is this run's copy (the explaining panes look at the live weights). */
    boolean owns(InspectionModel m) {
        return m != null && m == model;
    }

    /** Brings {@code m} up to the newest round when it is the followed run's copy (the copy runs first on its worker). */
    void sync(InspectionModel m) {
        if (owns(m) && latest != null && latestStep > appliedStep) {
            appliedStep = latestStep;
            m.setWeights(latest);
        }
    }

    private void open(EngineRun r, List<WeightCopy> weights, long step, long generation) {
        CompletableFuture.runAsync(() -> {
            TrainingJob job = r.job();
            if (job == null) {
                throw new IllegalStateException("the run is not built yet");
            }
            var norm = job.scaling().normalization();
            InspectionModel m = InspectionModel.openLive(job.design().network(), norm, r.request().title() + " (live)");
            try {
                m.setWeights(weights).get();
                ImageSet raw = r.request().data().test();
                InspectionData d = new InspectionData(raw, job.data().test(), norm,
                        List.of("the run's validation images, scaled as it scales them"));
                Loaded l = vm.install(m, d, generation);
                if (l == null) {
                    m.close(); // another source was opened meanwhile
                    vm.post(() -> opening = false);
                    return;
                }
                vm.post(() -> {
                    if (run != r || vm.follower().run() != r) {
                        return; // the user turned to another source meanwhile: its open() replaces the copy
                    }
                    model = m;
                    appliedStep = Math.max(appliedStep, step);
                    vm.liveInstalled(l);
                });
            } catch (Exception e) {
                m.close();
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, background).exceptionally(t -> {
            vm.post(() -> opening = false);
            vm.fail(t);
            return null;
        });
    }
}
