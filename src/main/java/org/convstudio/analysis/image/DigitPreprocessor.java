package org.convstudio.analysis.image;

/**
 * Turns a drawing into an MNIST-like digit, as the MNIST images were made (LeCun et al.): the ink's
 * bounding box is scaled, keeping its aspect ratio, to fit a 20×20 box (anti-aliased by area averaging),
 * then placed in a 28×28 image so that its centre of mass is at the centre (14, 14).
 */
public final class DigitPreprocessor {

    public static final int SIZE = 28;
    public static final int BOX = 20;

    private DigitPreprocessor() {
    }

    /**
     * @param ink h×w ink values in [0, 1] (1 = ink), row-major
     * @return 28×28 values in [0, 1]; all zero when nothing is drawn
     */
    public static float[] toMnist(float[] ink, int h, int w) {
        int top = h;
        int left = w;
        int bottom = -1;
        int right = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y * w + x] > 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        float[] out = new float[SIZE * SIZE];
        if (bottom < 0) {
            return out;
        }
        int bh = bottom - top + 1;
        int bw = right - left + 1;
        double scale = (double) BOX / Math.max(bh, bw);
        int th = Math.max(1, (int) Math.round(bh * scale));
        int tw = Math.max(1, (int) Math.round(bw * scale));
        float[] box = areaResize(ink, w, top, left, bh, bw, th, tw);
        // centre of mass of the scaled digit
        double mass = 0;
        double my = 0;
        double mx = 0;
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                double v = box[y * tw + x];
                mass += v;
                my += v * (y + 0.5);
                mx += v * (x + 0.5);
            }
        }
        int oy = (int) Math.round(SIZE / 2.0 - my / mass);
        int ox = (int) Math.round(SIZE / 2.0 - mx / mass);
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                int yy = y + oy;
                int xx = x + ox;
                if (yy >= 0 && yy < SIZE && xx >= 0 && xx < SIZE) {
                    out[yy * SIZE + xx] = Math.min(1f, box[y * tw + x]);
                }
            }
        }
        return out;
    }

    /** Area-averaging resize of the bh×bw region at (top, left) of a w-wide image to th×tw. */
    static float[] areaResize(float[] src, int w, int top, int left, int bh, int bw, int th, int tw) {
        float[] out = new float[th * tw];
        double sy = (double) bh / th;
        double sx = (double) bw / tw;
        for (int y = 0; y < th; y++) {
            double y0 = y * sy;
            double y1 = y0 + sy;
            for (int x = 0; x < tw; x++) {
                double x0 = x * sx;
                double x1 = x0 + sx;
                double sum = 0;
                double area = 0;
                for (int yy = (int) Math.floor(y0); yy < Math.ceil(y1) && yy < bh; yy++) {
                    double fy = Math.min(y1, yy + 1) - Math.max(y0, yy);
                    for (int xx = (int) Math.floor(x0); xx < Math.ceil(x1) && xx < bw; xx++) {
                        double fx = Math.min(x1, xx + 1) - Math.max(x0, xx);
                        double a = fx * fy;
                        sum += a * src[(top + yy) * w + left + xx];
                        area += a;
                    }
                }
                out[y * tw + x] = area > 0 ? (float) (sum / area) : 0f;
            }
        }
        return out;
    }
}
