package org.convstudio.ui.classroom;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.convstudio.engine.probe.ProbeTap;
import org.convstudio.ui.common.PulseDrain;

/**
 * Listens to the probe tap of the run training now while the network lessons look at it, and hands the newest
 * probe round to the ui executor, at most {@link #REFRESH_PER_SECOND} a second. The run takes probe rounds only
 * while someone listens (the Inspect workspace uses the same tap while it is shown; the two are never shown at
 * once). Call its methods on the ui thread.
 */
final class RunFollower {

    /** Lesson refreshes per second at most (the probe itself takes at most 4 rounds a second). */
    static final int REFRESH_PER_SECOND = 2;

    private final PulseDrain<ProbeTap.Tapped> drain;
    private ProbeTap listeningTo;
    private long rounds;

    RunFollower(Consumer<ProbeTap.Tapped> sink, Executor ui) {
        drain = new PulseDrain<>(t -> {
            rounds++;
            sink.accept(t);
        }, ui);
        drain.setMinInterval(1_000_000_000L / REFRESH_PER_SECOND, (shown, next) -> shown == null);
    }

    /** Listens to {@code tap} (null: to nothing), stopping any other first. */
    void follow(ProbeTap tap) {
        if (tap == listeningTo) {
            return;
        }
        if (listeningTo != null) {
            listeningTo.stopListening();
            drain.stop();
        }
        listeningTo = tap;
        if (tap != null) {
            drain.start();
            tap.listen(0, drain::publish); // on the training thread: only queued
        }
    }

    /** The tap listened to now, or null. */
    ProbeTap listeningTo() {
        return listeningTo;
    }

    /** Probe rounds handed to the lessons so far. */
    long rounds() {
        return rounds;
    }
}
