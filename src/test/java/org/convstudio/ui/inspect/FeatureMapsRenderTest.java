package org.convstudio.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convstudio.analysis.image.Range;
import org.convstudio.engine.probe.Activations;
import org.convstudio.engine.probe.InspectionModel;
import org.convstudio.model.preset.Presets;
import org.convstudio.ui.GuiTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;

/**
 * The feature-map grids are drawn off the FX thread (here on the test's own thread), one per spatial layer but the
 * input, with tiles that shrink as a layer has more maps.
 */
@Tag("gui")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FeatureMapsRenderTest {

    @BeforeAll
    static void toolkit() throws Exception {
        GuiTestSupport.requireDesktop();
        FxToolkit.registerPrimaryStage(); // images need the toolkit started, not its thread
    }

    @Test
    void everySpatialLayerIsDrawnOffTheFxThreadAtItsTileSize() throws Exception {
        try (InspectionModel m = InspectionModel.open(Presets.get("lenet"), 1)) {
            float[] x = new float[28 * 28];
            x[14 * 28 + 14] = 1f;
            Activations acts = m.call((p, g) -> p.capture(x, 1));
            assertFalse(GuiTestSupport.onFx());
            var grids = MapGrids.draw(acts, null, Range.Mode.PER_MAP, 72);
            List<String> ids = grids.stream().map(g -> g.id()).toList();
            assertEquals(List.of("conv1", "relu1", "pool1", "conv2", "relu2", "pool2"), ids, "spatial layers, no input");
            var conv1 = grids.get(0); // 6 maps of 28×28: 72 px tiles → scale 2, 3 columns and 2 rows, 2 px gaps
            assertEquals(2, conv1.scale());
            assertEquals(3 * 56 + 4 * 2, (int) conv1.image().getWidth());
            assertEquals(2 * 56 + 3 * 2, (int) conv1.image().getHeight());
        }
        assertEquals(72, MapGrids.tilePixels(16));
        assertEquals(48, MapGrids.tilePixels(64));
        assertEquals(32, MapGrids.tilePixels(256));
        assertEquals(24, MapGrids.tilePixels(512));
        assertTrue(MapGrids.tilePixels(512) / 4 * 4 * 16 < 1200, "512 maps of 4×4 stay under 1,200 px wide");
    }
}
