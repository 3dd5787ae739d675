package org.convstudio.ui.classroom;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.convstudio.engine.lesson.NetworkLessons;
import org.convstudio.engine.probe.ProbeTap;
import org.convstudio.engine.probe.WeightCopy;
import org.convstudio.engine.explain.Explain;
import org.convstudio.model.graph.Network;

/**
 * The network the convolution, kernel and receptive-field lessons look into: the current design at its
 * initial weights, or a saved run. Opening it and reading kernels, a layer's input and an effective field
 * block, so they run on the {@code worker} executor (one thread: it keeps the open model); results go to
 * the {@code ui} executor. A newer request supersedes an older one that has not started.
 */
final class LessonNetwork {

    /**
     * Where the network comes from: a design ({@code run} null), a run folder, or the run training now in the
     * Train workspace ({@code live}: its probe tap; {@code design} is then the network it trains).
     */
    record Source(String label, Network design, Path run, ProbeTap live) {

        Source(String label, Network design, Path run) {
            this(label, design, run, null);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * What the teacher chose.
     *
     * @param convLayer  the convolution walked through ("" for the toy 7×7 input)
     * @param filter     its filter (output channel)
     * @param channel    its input channel
     * @param fieldLayer the block whose unit's effective field is shown ("" for the deepest)
     * @param unitRow    that unit's row in the block's output (-1: the centre row; {@code unitCol} likewise)
     */
    record Choice(Source source, String convLayer, int filter, int channel, String fieldLayer, int unitRow, int unitCol) {

        Choice(Source source, String convLayer, int filter, int channel, String fieldLayer) {
            this(source, convLayer, filter, channel, fieldLayer, -1, -1);
        }

        Choice withSource(Source s) {
            return new Choice(s, convLayer, filter, channel, fieldLayer, unitRow, unitCol);
        }

        Choice withConv(String layer, int f, int c) {
            return new Choice(source, layer, f, c, fieldLayer, unitRow, unitCol);
        }

        /** Another block: its centre unit. */
        Choice withField(String layer) {
            return new Choice(source, convLayer, filter, channel, layer, -1, -1);
        }

        Choice withUnit(int row, int col) {
            return new Choice(source, convLayer, filter, channel, fieldLayer, row, col);
        }
    }

    /**
     * The weights of the run training now, as one probe round copied them.
     *
     * @param weights every parameter (empty when the network is too large for the probe to copy)
     */
    record LiveRound(List<WeightCopy> weights, int epoch, long step) {
        String when() {
            return "epoch " + epoch + " · step " + step;
        }
    }

    /** Opens a source (tests may count or fail opens). */
    @FunctionalInterface
    interface Opener {
        NetworkLessons open(Source s) throws Exception;
    }

    static final Opener ENGINE = s -> s.run() != null ? NetworkLessons.run(s.run()) : NetworkLessons.design(s.design());

    /** What the lessons call the run training now. */
    static final String LIVE_NAME = "the run training now";

    private final Executor worker;
    private final Executor ui;
    private final Opener opener;
    private final AtomicLong version = new AtomicLong();
    private NetworkLessons open;
    private Source openSource;
    /** The last effective field read and what it was read for (source, block, unit, round), on the worker. */
    private org.convstudio.analysis.lesson.EffectiveField lastField;
    private String lastFieldKey;

    LessonNetwork(Executor worker, Executor ui, Opener opener) {
        this.worker = worker;
        this.ui = ui;
        this.opener = opener;
    }

    /** Reads what {@code choice} asks for; {@code done} gets the facts on the ui executor (unless superseded). */
    void request(Choice choice, Consumer<NetworkFacts> done) {
        request(choice, null, true, done);
    }

    /**
     * Reads what {@code choice} asks for with the weights of a live {@code round} (null: the source's own
     * weights). With {@code fieldWanted} false, or when this round's epoch had its field read already, the
     * last effective field is kept (64 images through the network and back: at most once an epoch while a
     * run trains, so that the lessons do not slow it down).
     */
    void request(Choice choice, LiveRound round, boolean fieldWanted, Consumer<NetworkFacts> done) {
        long v = version.incrementAndGet();
        worker.execute(() -> {
            if (version.get() != v || choice.source() == null) {
                return;
            }
            NetworkFacts facts = read(choice, round, fieldWanted);
            ui.execute(() -> {
                if (version.get() == v) {
                    done.accept(facts);
                }
            });
        });
    }

    private NetworkFacts read(Choice c, LiveRound round, boolean fieldWanted) {
        String label = c.source().label();
        try {
            if (open == null || !c.source().equals(openSource)) {
                close();
                open = opener.open(c.source());
                openSource = c.source();
            }
            String live = "";
            if (round != null && c.source().live() != null) {
                if (round.weights().isEmpty()) {
                    live = label + " is too large to copy its weights while it trains: the lessons show its initial weights.";
                } else {
                    open.setWeights(round.weights(), LIVE_NAME + " (" + round.when() + ")");
                }
            }
            Network net = open.network();
            List<String> convs = NetworkLessons.convolutions(net);
            List<String> spatial = NetworkLessons.spatialLayers(net);
            var filters = convs.isEmpty() ? null : open.filters();
            org.convstudio.analysis.lesson.LayerKernel kernel = null;
            String note = convs.isEmpty() ? label + " has no convolution: the lessons keep their own examples." : live;
            if (!c.convLayer().isEmpty() && convs.contains(c.convLayer())) {
                try {
                    kernel = open.layer(c.convLayer(), c.filter(), c.channel());
                } catch (IllegalArgumentException e) {
                    note = e.getMessage();
                }
            }
            String fieldLayer = spatial.contains(c.fieldLayer()) ? c.fieldLayer() : spatial.isEmpty() ? null
                    : spatial.get(spatial.size() - 1);
            String key = label + "|" + fieldLayer + "|" + c.unitRow() + "," + c.unitCol() + "|"
                    + (round == null || c.source().live() == null ? "own" : "epoch " + round.epoch());
            boolean keep = round != null && c.source().live() != null && lastField != null
                    && (!fieldWanted || key.equals(lastFieldKey));
            var field = fieldLayer == null ? null : keep ? lastField : open.field(fieldLayer, c.unitRow(), c.unitCol());
            if (!keep) {
                lastField = field;
                lastFieldKey = key;
            }
            return new NetworkFacts(open.source(), field, kernel, filters, note);
        } catch (Exception | OutOfMemoryError e) {
            return new NetworkFacts(label, null, null, null, Explain.sentence("Cannot read " + label, e));
        }
    }

    /** Frees the open model (on the worker). */
    void shutdown() {
        version.incrementAndGet();
        worker.execute(this::close);
    }

    private void close() {
        lastField = null;
        lastFieldKey = null;
        if (open != null) {
            open.close();
            open = null;
            openSource = null;
        }
    }
}
