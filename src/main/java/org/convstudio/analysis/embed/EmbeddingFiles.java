package org.convstudio.analysis.embed;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes an embedding to disk: {@code embedding.csv} (columns index, x, y, then label and prediction when
 * known) and a scatter plot {@code embedding.png} coloured by label (drawn with java.awt into an image,
 * no display needed). Both files are written to a temporary file first and renamed into place.
 */
public final class EmbeddingFiles {

    public static final String CSV = "embedding.csv";
    public static final String PNG = "embedding.png";

    /** Ten distinguishable colours (the classic categorical palette), repeated beyond ten classes. */
    public static final int[] PALETTE = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f,
        0xbcbd22, 0x17becf};

    private EmbeddingFiles() {
    }

    /** The CSV text; {@code index} are the sample numbers in the data set, labels/predictions nullable. */
    public static void writeCsv(Path file, float[] layout, int[] index, int[] labels, int[] predictions) throws IOException {
        atomically(file, out -> {
            try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                w.write("index,x,y");
                if (labels != null) {
                    w.write(",label");
                }
                if (predictions != null) {
                    w.write(",prediction");
                }
                w.write('\n');
                for (int i = 0; i < index.length; i++) {
                    w.write(Integer.toString(index[i]));
                    w.write(',');
                    w.write(Float.toString(layout[2 * i]));
                    w.write(',');
                    w.write(Float.toString(layout[2 * i + 1]));
                    if (labels != null) {
                        w.write(',');
                        w.write(Integer.toString(labels[i]));
                    }
                    if (predictions != null) {
                        w.write(',');
                        w.write(Integer.toString(predictions[i]));
                    }
                    w.write('\n');
                }
            }
        });
    }

    /** Reads the x, y columns of an {@code embedding.csv} (for a warm start), in file order. */
    public static float[] readLayout(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("index,x,y")) {
            throw new IOException(file + " is not an embedding.csv (its first line should start with index,x,y)");
        }
        float[] out = new float[2 * (lines.size() - 1)];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            try {
                out[2 * (i - 1)] = Float.parseFloat(f[1]);
                out[2 * (i - 1) + 1] = Float.parseFloat(f[2]);
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + (i + 1) + " has no numeric x,y: " + lines.get(i));
            }
        }
        return out;
    }

    /**
     * A square scatter plot, points coloured by label (grey without labels) and blended into the pixels
     * directly (no graphics environment needed), then a legend and a caption drawn with java.awt where a
     * graphics environment is available (headless counts; a configured but unreachable display does not).
     */
    public static BufferedImage render(float[] layout, int n, int[] labels, List<String> classNames, String caption,
                                       int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] px = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(px, 0xffffff);
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, layout[2 * i]);
            maxX = Math.max(maxX, layout[2 * i]);
            minY = Math.min(minY, layout[2 * i + 1]);
            maxY = Math.max(maxY, layout[2 * i + 1]);
        }
        double span = Math.max(Math.max(maxX - minX, maxY - minY), 1e-9);
        int margin = size / 20;
        double scale = (size - 2.0 * margin) / span;
        double offX = margin + ((size - 2.0 * margin) - (maxX - minX) * scale) / 2;
        double offY = margin + ((size - 2.0 * margin) - (maxY - minY) * scale) / 2;
        int r = n > 20_000 ? 1 : n > 2_000 ? 2 : 3;
        double alpha = n > 20_000 ? 0.45 : 0.7;
        for (int i = 0; i < n; i++) {
            int rgb = labels == null ? 0x555555 : PALETTE[Math.floorMod(labels[i], PALETTE.length)];
            int cx = (int) Math.round(offX + (layout[2 * i] - minX) * scale);
            int cy = size - 1 - (int) Math.round(offY + (layout[2 * i + 1] - minY) * scale);
            for (int dy = -r + 1; dy < r; dy++) {
                for (int dx = -r + 1; dx < r; dx++) {
                    int x = cx + dx;
                    int y = cy + dy;
                    if (x >= 0 && y >= 0 && x < size && y < size && dx * dx + dy * dy < r * r) {
                        px[y * size + x] = blend(px[y * size + x], rgb, alpha);
                    }
                }
            }
        }
        drawText(img, size, margin, labels != null ? classNames : null, caption);
        return img;
    }

    private static int blend(int under, int over, double a) {
        int red = (int) (((over >> 16) & 255) * a + ((under >> 16) & 255) * (1 - a));
        int green = (int) (((over >> 8) & 255) * a + ((under >> 8) & 255) * (1 - a));
        int blue = (int) ((over & 255) * a + (under & 255) * (1 - a));
        return (red << 16) | (green << 8) | blue;
    }

    private static void drawText(BufferedImage img, int size, int margin, List<String> classNames, String caption) {
        Graphics2D g;
        try {
            g = img.createGraphics();
        } catch (java.awt.AWTError | LinkageError e) {
            return; // a display is configured but cannot be reached: the picture goes without its text
        }
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, size / 60)));
            g.setColor(Color.DARK_GRAY);
            if (caption != null) { // "what — scores" on two lines
                String[] parts = caption.split(" — ", 2);
                int lh = g.getFontMetrics().getHeight();
                for (int l = 0; l < parts.length; l++) {
                    g.drawString(parts[l], margin / 2, margin / 2 + l * lh);
                }
            }
            if (classNames != null) {
                int lh = g.getFontMetrics().getHeight();
                int x0 = size - margin / 2 - g.getFontMetrics().stringWidth("MMMMMMMM");
                for (int c = 0; c < classNames.size(); c++) {
                    g.setColor(new Color(PALETTE[c % PALETTE.length]));
                    g.fillRect(x0, 2 * margin + c * lh + lh / 4, lh / 2, lh / 2);
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(classNames.get(c), x0 + lh, 2 * margin + c * lh + lh * 3 / 4);
                }
            }
        } finally {
            g.dispose();
        }
    }

    public static void writePng(Path file, BufferedImage image) throws IOException {
        atomically(file, out -> {
            if (!javax.imageio.ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** One-line summary of the scores, e.g. for a caption. */
    public static String caption(String what, EmbeddingQuality q) {
        if (q == null) {
            return what;
        }
        return String.format(Locale.ROOT, "%s — neighbourhood hit (k=%d) %.3f, trustworthiness (k=%d) %.3f, %d-NN accuracy %.3f",
                what, q.k(), q.neighborhoodHit(), q.trustK(), q.trustworthiness(), q.k(), q.knnAccuracy());
    }

    @FunctionalInterface
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void atomically(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
