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
    public static final double MASS = 0.9;

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

    /** Row and column of the gradient's centre of mass (the unit's centre on the input). */
    public double[] centre() {
        double t = total();
        if (t == 0) {
            return new double[] {top + (height - 1) / 2.0, left + (width - 1) / 2.0};
        }
        double r = 0;
        double c = 0;
        for (int i = 0; i < map.length; i++) {
            for (int j = 0; j < map[0].length; j++) {
                r += i * map[i][j];
                c += j * map[i][j];
            }
        }
        return new double[] {r / t, c / t};
    }

    /** The smallest odd square side, centred on {@link #centre()}, that holds {@link #MASS} of the gradient. */
    public int effectiveSide() {
        double t = total();
        if (t == 0) {
            return 0;
        }
        double[] c = centre();
        int cr = (int) Math.round(c[0]);
        int cc = (int) Math.round(c[1]);
        int max = Math.max(map.length, map[0].length);
        for (int half = 0; half <= max; half++) {
            double in = 0;
            for (int i = Math.max(0, cr - half); i <= Math.min(map.length - 1, cr + half); i++) {
                for (int j = Math.max(0, cc - half); j <= Math.min(map[0].length - 1, cc + half); j++) {
                    in += map[i][j];
                }
            }
            if (in >= MASS * t - 1e-12) {
                return 2 * half + 1;
            }
        }
        return 2 * max + 1;
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
