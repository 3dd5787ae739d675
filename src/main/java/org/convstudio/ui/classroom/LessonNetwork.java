package org.convstudio.ui.classroom;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.convstudio.engine.lesson.NetworkLessons;
import org.convstudio.engine.run.Explain;
import org.convstudio.model.graph.Network;

/**
 * The network the convolution, kernel and receptive-field lessons look into: the current design at its
 * initial weights, or a saved run. Opening it and reading kernels, a layer's input and an effective field
 * block, so they run on the {@code worker} executor (one thread: it keeps the open model); results go to
 * the {@code ui} executor. A newer request supersedes an older one that has not started.
 */
final class LessonNetwork {

    /** Where the network comes from: a design ({@code run} null) or a run folder. */
    record Source(String label, Network design, Path run) {
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
     * @param fieldLayer the block whose centre unit's effective field is shown ("" for the deepest)
     */
    record Choice(Source source, String convLayer, int filter, int channel, String fieldLayer) {
        Choice withSource(Source s) {
            return new Choice(s, convLayer, filter, channel, fieldLayer);
        }

        Choice withConv(String layer, int f, int c) {
            return new Choice(source, layer, f, c, fieldLayer);
        }

        Choice withField(String layer) {
            return new Choice(source, convLayer, filter, channel, layer);
        }
    }

    /** Opens a source (tests may count or fail opens). */
    @FunctionalInterface
    interface Opener {
        NetworkLessons open(Source s) throws Exception;
    }

    static final Opener ENGINE = s -> s.run() != null ? NetworkLessons.run(s.run()) : NetworkLessons.design(s.design());

    private final Executor worker;
    private final Executor ui;
    private final Opener opener;
    private final AtomicLong version = new AtomicLong();
    private NetworkLessons open;
    private Source openSource;

    LessonNetwork(Executor worker, Executor ui, Opener opener) {
        this.worker = worker;
        this.ui = ui;
        this.opener = opener;
    }

    /** Reads what {@code choice} asks for; {@code done} gets the facts on the ui executor (unless superseded). */
    void request(Choice choice, Consumer<NetworkFacts> done) {
        long v = version.incrementAndGet();
        worker.execute(() -> {
            if (version.get() != v || choice.source() == null) {
                return;
            }
            NetworkFacts facts = read(choice);
            ui.execute(() -> {
                if (version.get() == v) {
                    done.accept(facts);
                }
            });
        });
    }

    private NetworkFacts read(Choice c) {
        String label = c.source().label();
        try {
            if (open == null || !c.source().equals(openSource)) {
                close();
                open = opener.open(c.source());
                openSource = c.source();
            }
            Network net = open.network();
            List<String> convs = NetworkLessons.convolutions(net);
            List<String> spatial = NetworkLessons.spatialLayers(net);
            var filters = convs.isEmpty() ? null : open.filters();
            org.convstudio.analysis.lesson.LayerKernel kernel = null;
            String note = convs.isEmpty() ? label + " has no convolution: the lessons keep their own examples." : "";
            if (!c.convLayer().isEmpty() && convs.contains(c.convLayer())) {
                try {
                    kernel = open.layer(c.convLayer(), c.filter(), c.channel());
                } catch (IllegalArgumentException e) {
                    note = e.getMessage();
                }
            }
            String fieldLayer = spatial.contains(c.fieldLayer()) ? c.fieldLayer() : spatial.isEmpty() ? null
                    : spatial.get(spatial.size() - 1);
            var field = fieldLayer == null ? null : open.field(fieldLayer);
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
        if (open != null) {
            open.close();
            open = null;
            openSource = null;
        }
    }
}
