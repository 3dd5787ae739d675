package org.convstudio.analysis.image;

/** An ARGB image in memory (row-major, 0xAARRGGBB), what the UI and the CLI draw or save. */
public record Raster(int width, int height, int[] argb) {

    public Raster {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException("raster " + width + "×" + height + " needs " + width * height + " pixels");
        }
    }

    public static Raster blank(int width, int height, int argb) {
        int[] px = new int[width * height];
        java.util.Arrays.fill(px, argb);
        return new Raster(width, height, px);
    }

    public int get(int x, int y) {
        return argb[y * width + x];
    }

    /** The same image enlarged {@code factor} times by pixel repetition (crisp feature maps). */
    public Raster scaled(int factor) {
        if (factor <= 1) {
            return this;
        }
        int w = width * factor;
        int h = height * factor;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = argb[(y / factor) * width + x / factor];
            }
        }
        return new Raster(w, h, px);
    }

    /** Copies {@code tile} into this raster with its top-left corner at (x, y), clipped. */
    public void paste(Raster tile, int x, int y) {
        for (int ty = 0; ty < tile.height; ty++) {
            int yy = y + ty;
            if (yy < 0 || yy >= height) {
                continue;
            }
            for (int tx = 0; tx < tile.width; tx++) {
                int xx = x + tx;
                if (xx >= 0 && xx < width) {
                    argb[yy * width + xx] = tile.argb[ty * tile.width + tx];
                }
            }
        }
    }

    /** Draws a one-pixel rectangle outline (inclusive bounds, clipped). */
    public void outline(int left, int top, int right, int bottom, int colour) {
        for (int x = left; x <= right; x++) {
            set(x, top, colour);
            set(x, bottom, colour);
        }
        for (int y = top; y <= bottom; y++) {
            set(left, y, colour);
            set(right, y, colour);
        }
    }

    private void set(int x, int y, int c) {
        if (x >= 0 && x < width && y >= 0 && y < height) {
            argb[y * width + x] = c;
        }
    }

    /** Blends {@code overlay} over this raster with opacity {@code alpha} (0..1), same size. */
    public Raster blend(Raster overlay, double alpha) {
        int[] px = new int[argb.length];
        for (int i = 0; i < px.length; i++) {
            int a = argb[i];
            int b = overlay.argb[i];
            int r = (int) Math.round(((a >> 16) & 255) * (1 - alpha) + ((b >> 16) & 255) * alpha);
            int g = (int) Math.round(((a >> 8) & 255) * (1 - alpha) + ((b >> 8) & 255) * alpha);
            int bl = (int) Math.round((a & 255) * (1 - alpha) + (b & 255) * alpha);
            px[i] = 0xFF000000 | (r << 16) | (g << 8) | bl;
        }
        return new Raster(width, height, px);
    }
}
