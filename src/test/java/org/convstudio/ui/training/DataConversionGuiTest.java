package org.convstudio.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.model.preset.Presets;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * AlexNet (3×227×227) on the whole bundled MNIST sample (10,000 grey 28×28 digits): the offer says how
 * many images fit in Java memory, the conversion shows its progress and can be cancelled (the data set
 * stays as loaded), and a conversion carried through stays within the Java heap: only the images that fit
 * are converted, and the data panel says so.
 */
@Tag("gui")
class DataConversionGuiTest {

    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        GuiTestSupport.isolate();
        app = GuiTestSupport.start();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.fx(() -> vm().cancelAdapt());
        GuiTestSupport.stop(app);
    }

    private TrainingViewModel vm() {
        return app.window().training();
    }

    /** The node with {@code selector}, once the scene holds it (see {@link GuiTestSupport#lookup}). */
    @SuppressWarnings("unchecked")
    private <T extends Node> T lookup(String selector) {
        try {
            return (T) GuiTestSupport.lookup(app, selector);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("nothing matches " + selector + " in the window", e);
        }
    }

    @Test
    void alexNetOnTheMnistSampleConvertsWithProgressCancelsAndStaysWithinTheHeap() throws Exception {
        robot.clickOn("#nav-train");
        GuiTestSupport.waitUntil(() -> vm().dataProperty().get() != null && !vm().dataLoadingProperty().get(), 60);
        LoadedData original = GuiTestSupport.fx(() -> vm().dataProperty().get());
        assertEquals(10_000, original.split().size(), "the whole sample");
        GuiTestSupport.fx(() -> app.window().design().viewModel().load(Presets.get("alexnet"), null));
        GuiTestSupport.settle();

        Label banner = lookup("#train-banner");
        String offer = GuiTestSupport.fx(banner::getText);
        assertTrue(offer.startsWith("The data set has 1×28×28 images but the network expects 3×227×227."), offer);
        assertTrue(offer.contains("Only the first") && offer.contains("of the 10,000 images fit in Java memory"), offer);
        Button adapt = lookup("#train-adapt");
        ProgressBar progress = lookup("#train-adapt-progress");
        Button cancel = lookup("#train-adapt-cancel");
        assertTrue(GuiTestSupport.fx(adapt::isVisible));
        assertFalse(GuiTestSupport.fx(progress::isVisible), "no progress before a conversion");

        // started and cancelled at once: nothing converted, no error, the data set as it was
        GuiTestSupport.fx(() -> {
            adapt.fire();
            assertTrue(progress.isVisible() && cancel.isVisible(), "progress and Cancel while converting");
            assertEquals("Converting the images…", banner.getText());
            cancel.fire();
        });
        GuiTestSupport.settle();
        assertFalse(GuiTestSupport.fx(progress::isVisible));
        assertTrue(GuiTestSupport.fx(() -> vm().dataProperty().get()) == original, "the data set stays as loaded");
        assertEquals("", GuiTestSupport.fx(() -> vm().dataErrorProperty().get()), "a cancel is not an error");
        assertTrue(GuiTestSupport.fx(adapt::isVisible), "the offer is back");

        // carried through: the bar moves between 0 and 1, the result fits the heap
        List<Double> seen = new CopyOnWriteArrayList<>();
        GuiTestSupport.fx(() -> progress.progressProperty().addListener((o, a, b) -> seen.add(b.doubleValue())));
        GuiTestSupport.fx(adapt::fire);
        GuiTestSupport.waitUntil(() -> !vm().dataLoadingProperty().get(), 120);
        LoadedData converted = GuiTestSupport.fx(() -> vm().dataProperty().get());
        assertEquals("", GuiTestSupport.fx(() -> vm().dataErrorProperty().get()));
        assertTrue(converted.adapted(), "converted");
        assertEquals(new ImageShape(3, 227, 227), converted.shape());
        long kept = converted.split().size();
        assertTrue(kept >= 2 && kept < 10_000, "only what fits: " + kept);
        assertTrue(ImageAdapter.bytesNeeded(kept, converted.shape()) <= Runtime.getRuntime().maxMemory() / 2,
                "within half the Java heap: " + kept + " images");
        assertTrue(seen.stream().anyMatch(p -> p > 0 && p < 1), "progress shown on the way: " + seen);
        String summary = GuiTestSupport.fx(() -> ((Label) app.stage().getScene().lookup("#train-data-summary")).getText());
        assertTrue(summary.contains("3×227×227") && summary.contains("(converted from 1×28×28)")
                && summary.contains("Only the first"), summary);
        System.out.println("offer: " + offer + "\nconverted: " + summary.replace('\n', ' ') + " (heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB)");
        assertTrue(converted.samples().indices().length > 0
                && java.util.Arrays.stream(converted.samples().indices()).allMatch(i -> i < converted.split().test().size()),
                "the strip's samples are among the converted validation images");
    }
}
