package org.convstudio.analysis.lesson;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The image the kernel playground filters: a digit of the bundled sample, a drawing or an image file, as
 * grey levels in [0, 1] (rows of columns).
 *
 * @param name what the lesson's texts call it ("the sample digit", "your drawing", "cat.png")
 */
public record Picture(String name, double[][] pixels) {

    /** Image files larger than this (either side) are shrunk to it by averaging, keeping their proportions. */
    public static final int MAX_SIDE = 96;

    public Picture {
        if (pixels.length < 3 || pixels[0].length < 3) {
            throw new IllegalArgumentException(name + " must be at least 3×3 pixels");
        }
        pixels = Grids.copy(pixels);
    }

    @Override
    public double[][] pixels() {
        return Grids.copy(pixels);
    }

    /** The pixels without a copy (the lessons only read them). */
    double[][] shared() {
        return pixels;
    }

    /**
     * Reads a PNG, JPEG, BMP or GIF file as grey levels (0.299 R + 0.587 G + 0.114 B, over 255; transparent
     * pixels count as black), shrunk to at most {@link #MAX_SIDE} pixels a side.
     *
     * @throws IOException with a sentence naming the file when it cannot be read or is not an image
     */
    public static Picture read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new IOException("There is no file " + file + ": choose an existing PNG, JPEG, BMP or GIF image.");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException(name + " could not be read as an image (" + e.getMessage() + "): choose a PNG, JPEG, BMP or GIF file.", e);
        }
        if (img == null) {
            throw new IOException(name + " is not an image this app can read: choose a PNG, JPEG, BMP or GIF file.");
        }
        if (img.getWidth() < 3 || img.getHeight() < 3) {
            throw new IOException(name + " is " + img.getWidth() + "×" + img.getHeight() + " pixels: the kernels need at least 3×3.");
        }
        return new Picture(name, shrink(grey(img), MAX_SIDE));
    }

    /** Grey levels in [0, 1] of an image. */
    static double[][] grey(BufferedImage img) {
        int h = img.getHeight();
        int w = img.getWidth();
        double[][] g = new double[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int argb = img.getRGB(c, r);
                double alpha = ((argb >>> 24) & 0xff) / 255.0;
                double luma = 0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff);
                g[r][c] = alpha * luma / 255.0;
            }
        }
        return g;
    }

    /**
     * The image shrunk so that neither side exceeds {@code max}: each new pixel is the area-weighted mean of
     * the pixels it covers. Images that fit are returned as they are.
     */
    static double[][] shrink(double[][] x, int max) {
        int h = x.length;
        int w = x[0].length;
        if (h <= max && w <= max) {
            return x;
        }
        double scale = Math.max(h, w) / (double) max;
        int nh = Math.max(3, (int) Math.round(h / scale));
        int nw = Math.max(3, (int) Math.round(w / scale));
        double[][] out = new double[nh][nw];
        double sy = h / (double) nh;
        double sx = w / (double) nw;
        for (int r = 0; r < nh; r++) {
            double y0 = r * sy;
            double y1 = y0 + sy;
            for (int c = 0; c < nw; c++) {
                double x0 = c * sx;
                double x1 = x0 + sx;
                double sum = 0;
                double area = 0;
                for (int i = (int) Math.floor(y0); i < Math.min(h, (int) Math.ceil(y1)); i++) {
                    double wy = Math.min(y1, i + 1) - Math.max(y0, i);
                    for (int j = (int) Math.floor(x0); j < Math.min(w, (int) Math.ceil(x1)); j++) {
                        double wx = Math.min(x1, j + 1) - Math.max(x0, j);
                        sum += wy * wx * x[i][j];
                        area += wy * wx;
                    }
                }
                out[r][c] = area == 0 ? 0 : sum / area;
            }
        }
        return out;
    }
}
