package org.convstudio.ui.inspect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.probe.Activations;
import org.convstudio.engine.probe.LiveProbe;
import org.convstudio.engine.probe.ProbeTap;
import org.convstudio.ui.common.AppendOnlySeries;
import org.convstudio.ui.common.PulseDrain;
import org.convstudio.ui.inspect.InspectSnapshots.Filters;
import org.convstudio.ui.inspect.InspectSnapshots.Live;
import org.convstudio.ui.inspect.InspectSnapshots.Sample;
import org.convstudio.ui.training.EngineRun;

/**
 * Follows the run training now: listens to its {@link ProbeTap} only while {@link #resume resumed} (the
 * Inspect workspace is shown), turns each probe round into an immutable {@link Live} on the training thread
 * (no computing beyond a softmax and appending the update ratios) and hands the newest one to the UI once
 * per pulse, at most {@link #REFRESH_PER_SECOND} a second, through a {@link PulseDrain}. Call its methods on
 * the UI thread.
 */
final class LiveFollower {

    /** Live pane refreshes per second at most (the probe itself runs at most {@link EngineRun#PROBES_PER_SECOND}). */
    static final int REFRESH_PER_SECOND = 4;

    private final PulseDrain<Live> drain;
    private volatile EngineRun run;
    private int sampleIndex;
    private boolean listening;
    private Feed feed;

    /**
     * @param sink receives the newest round on the UI thread
     * @param ui   the UI thread
     */
    LiveFollower(Consumer<Live> sink, Executor ui) {
        this.drain = new PulseDrain<>(sink, ui);
        drain.setMinInterval(1_000_000_000L / REFRESH_PER_SECOND, (shown, next) -> shown == null);
    }

    /** Follows {@code r} from its validation image {@code sample} on (not listening until {@link #resume}). */
    void follow(EngineRun r, int sample) {
        unfollow();
        run = r;
        sampleIndex = sample;
        feed = new Feed(r);
    }

    /** Stops following (the last round shown stays shown). */
    void unfollow() {
        pause();
        run = null;
        feed = null;
    }

    /** Starts (or restarts) listening: the run probes from its next step on. */
    void resume() {
        if (run != null && !listening) {
            listening = true;
            drain.start();
            Feed f = feed;
            run.probes().listen(sampleIndex, f::accept);
        }
    }

    /** Stops listening: the run trains without probes until {@link #resume}. */
    void pause() {
        if (run != null && listening) {
            run.probes().stopListening();
            drain.stop();
            listening = false;
        }
    }

    void setSample(int index) {
        sampleIndex = index;
        if (run != null) {
            run.probes().setSample(index);
        }
    }

    boolean following() {
        return run != null;
    }

    /** Whether the followed run is being probed now. */
    boolean listening() {
        return listening;
    }

    EngineRun run() {
        return run;
    }

    /** Validation images of the followed run (0 when none). */
    int samples() {
        return run == null ? 0 : run.request().data().test().size();
    }

    List<String> classNames() {
        return run == null ? List.of() : run.request().data().test().classNames();
    }

    /** Runs on the training thread: one object per followed run, keeping the ratio history. */
    private final class Feed {
        private final String title;
        private final ImageSet raw;
        private final Map<String, AppendOnlySeries> ratios = new LinkedHashMap<>();

        Feed(EngineRun r) {
            this.title = r.request().title();
            this.raw = r.request().data().test();
        }

        void accept(ProbeTap.Tapped t) {
            LiveProbe.Snapshot s = t.snapshot();
            Activations a = s.activations();
            float[] probs = a.probabilities(0);
            int k = t.sampleIndex();
            Sample sample = new Sample(k, raw.image(k), raw.labels()[k], a, probs, Activations.argMax(probs));
            Map<String, AppendOnlySeries.Snapshot> shown = new LinkedHashMap<>();
            for (LiveProbe.ParameterStats p : s.parameters()) {
                if (!p.name().equals("weight") || p.gradient() == null) {
                    continue; // a layer's weights tell its health; biases and running statistics add clutter
                }
                AppendOnlySeries series = ratios.computeIfAbsent(p.node() + " weight", n -> new AppendOnlySeries(256));
                if (Double.isFinite(p.updateRatio()) && p.updateRatio() > 0) {
                    series.append(s.step(), p.updateRatio());
                }
                shown.put(p.node() + " weight", series.snapshot());
            }
            String when = "epoch " + t.epoch() + " · step " + s.step();
            Filters f = new Filters(title + ", live at " + when, true, s.weights(), s.parameters(), shown);
            drain.publish(new Live(title, t.epoch(), s.step(), sample, f));
        }
    }
}
