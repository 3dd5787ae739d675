package org.convstudio.analysis.image;

/**
 * Lays out many small maps (feature maps, kernels) in a grid of tiles separated by a gap, each map
 * coloured with its own or a shared range.
 */
public final class MapGrid {

    private MapGrid() {
    }

    /** Columns for {@code n} tiles: close to a square, at most {@code maxColumns}. */
    public static int columns(int n, int maxColumns) {
        return Math.max(1, Math.min(maxColumns, (int) Math.ceil(Math.sqrt(n))));
    }

    /**
     * The raster of {@code maps} planes of h×w values (consecutive in {@code values}), each enlarged
     * {@code scale} times.
     */
    public static Raster render(float[] values, int maps, int h, int w, int scale, int gap, int columns,
                                ColorMap colors, Range[] ranges, int background) {
        int cols = Math.max(1, Math.min(columns, maps));
        int rows = (maps + cols - 1) / cols;
        int tw = w * scale;
        int th = h * scale;
        Raster out = Raster.blank(cols * tw + (cols + 1) * gap, rows * th + (rows + 1) * gap, background);
        int plane = h * w;
        for (int i = 0; i < maps; i++) {
            float[] m = java.util.Arrays.copyOfRange(values, i * plane, (i + 1) * plane);
            Raster tile = colors.render(m, w, h, ranges[i]).scaled(scale);
            out.paste(tile, gap + (i % cols) * (tw + gap), gap + (i / cols) * (th + gap));
        }
        return out;
    }

    /** The tile index at raster pixel (px, py) of a grid made by {@link #render}, or -1 in a gap. */
    public static int tileAt(int px, int py, int maps, int h, int w, int scale, int gap, int columns) {
        int cols = Math.max(1, Math.min(columns, maps));
        int tw = w * scale + gap;
        int th = h * scale + gap;
        int cx = (px - gap) / tw;
        int cy = (py - gap) / th;
        if (px < gap || py < gap || (px - gap) % tw >= w * scale || (py - gap) % th >= h * scale || cx >= cols) {
            return -1;
        }
        int i = cy * cols + cx;
        return i < maps ? i : -1;
    }
}
