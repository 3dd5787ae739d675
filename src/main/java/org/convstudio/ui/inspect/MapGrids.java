package org.convstudio.ui.inspect;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import org.convstudio.analysis.image.ColorMap;
import org.convstudio.analysis.image.MapGrid;
import org.convstudio.analysis.image.Range;
import org.convstudio.analysis.image.Raster;
import org.convstudio.engine.probe.Activations;
import org.convstudio.engine.probe.FloatTensor;

/**
 * Feature-map grids as images, one per layer with positions, drawn on the render thread (see {@link Fx#render}) for
 * the Feature maps and Draw panes. Tiles get smaller as a layer has more maps (72 px up to 16 maps, 48 up to 64, 32
 * up to 256, then 24, and never above the pane's own maximum; never below the map's own size), so ResNet-18's 67
 * layers (32×32 input) come to 16 M pixels rather than 85 M.
 */
final class MapGrids {

    static final int GAP = 2;

    /** One layer's grid: its image and what is needed to find the map under the mouse. */
    record Grid(String id, String caption, Image image, int maps, int h, int w, int scale, int cols) {
    }

    private MapGrids() {
    }

    /**
     * The grids of {@code ids} (null: every spatial layer but the input) in their order; layers without positions
     * are left out. Reads only the immutable {@code acts}: call it on any thread.
     */
    static List<Grid> draw(Activations acts, List<String> ids, Range.Mode mode, int maxTile) {
        List<Grid> out = new ArrayList<>();
        for (String id : ids != null ? ids : acts.ids()) {
            FloatTensor t = acts.node(id);
            if (t == null || !t.spatial() || (ids == null && id.equals(acts.ids().get(0)))) {
                continue;
            }
            int maps = t.channels();
            int scale = Math.max(1, Math.min(maxTile, tilePixels(maps)) / Math.max(t.height(), t.width()));
            int cols = MapGrid.columns(maps, 16);
            float[] v = t.sample(0);
            Range[] ranges = Range.forMaps(v, maps, t.height() * t.width(), mode);
            Raster grid = MapGrid.render(v, maps, t.height(), t.width(), scale, GAP, cols, ColorMap.VIRIDIS, ranges, 0xFF20232A);
            out.add(new Grid(id, id + " · " + maps + " maps of " + t.height() + "×" + t.width(), Fx.image(grid), maps,
                    t.height(), t.width(), scale, cols));
        }
        return out;
    }

    /** The side of one map's tile on screen for a layer of {@code maps} maps. */
    static int tilePixels(int maps) {
        return maps <= 16 ? 72 : maps <= 64 ? 48 : maps <= 256 ? 32 : 24;
    }
}
