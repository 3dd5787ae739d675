package org.convstudio.analysis.lesson;

/**
 * The effective receptive field of one unit of a real network (Luo et al. 2016): |∂unit/∂input| summed
 * over input channels and averaged over some images, beside its theoretical field from the model.
 *
 * @param source  the network and its weights ("LeNet, initial weights", "run 20261202-1015")
 * @param node    the block whose unit is looked at
 * @param row     the unit's row in the block's output (its column is {@code col})
 * @param map     the gradient magnitude over the input, H×W
 * @param top     theoretical field, clipped to the input: first row, first column, rows, columns
 * @param size    the theoretical field's side before clipping (it may reach into the padding)
 * @param images  how many images the map is averaged over
 */
public record EffectiveField(String source, String node, int channel, int row, int col, double[][] map, int top, int left,
                             int height, int width, long size, int images) {

    /** Share of the gradient mass that the central square of side {@link #effectiveSide()} holds at least. */
    public static final double MASS = 0.5;

    /** Total gradient magnitude. */
    public double total() {
        double t = 0;
        for (double[] r : map) {
            for (double v : r) {
                t += v;
            }
        }
        return t;
    }

    /** The first row and column of the central {@code side × side} square of the theoretical field. */
    public int[] square(int side) {
        double cr = top + (height - 1) / 2.0;
        double cc = left + (width - 1) / 2.0;
        return new int[] {(int) Math.floor(cr - (side - 1) / 2.0 + 1e-9), (int) Math.floor(cc - (side - 1) / 2.0 + 1e-9)};
    }

    /**
     * The side of the smallest square, centred on the theoretical field (the unit's centre on the input),
     * that holds {@link #MASS} of the gradient; 0 when the gradient is zero everywhere.
     */
    public int effectiveSide() {
        double t = total();
        if (t == 0) {
            return 0;
        }
        int max = Math.max(map.length, map[0].length);
        for (int side = height % 2 == 0 ? 2 : 1; side <= max; side += 2) { // the field's parity: centred exactly
            int[] at = square(side);
            double in = 0;
            for (int i = Math.max(0, at[0]); i < Math.min(map.length, at[0] + side); i++) {
                for (int j = Math.max(0, at[1]); j < Math.min(map[0].length, at[1] + side); j++) {
                    in += map[i][j];
                }
            }
            if (in >= MASS * t - 1e-12) {
                return side;
            }
        }
        return max;
    }

    /** Share of the gradient inside the theoretical field (1 up to rounding: nothing outside it can matter). */
    public double insideTheoretical() {
        double t = total();
        if (t == 0) {
            return 1;
        }
        double in = 0;
        for (int i = top; i < top + height; i++) {
            for (int j = left; j < left + width; j++) {
                in += map[i][j];
            }
        }
        return in / t;
    }
}
