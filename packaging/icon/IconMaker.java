import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Draws ConvStudio's app icon — three feature maps stacked in depth, the front one a 4×4 grid of
 * activations with a 2×2 kernel window picked out — and writes it as PNGs (16…1024 px), a Windows
 * {@code .ico} and a macOS {@code .icns} (both hold PNG images, which every current system reads).
 * Plain JDK (Java2D and ImageIO), no network:
 * <pre>java packaging/icon/IconMaker.java [out-dir]     (default: packaging/icon)</pre>
 * Small sizes are drawn with fewer, thicker details rather than scaled down from the large one.
 */
public final class IconMaker {

    /** The sizes written as PNG files ({@code convstudio-N.png}). */
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024};

    private static final Color BG_TOP = new Color(0x24, 0x33, 0x58);
    private static final Color BG_BOTTOM = new Color(0x12, 0x1a, 0x2e);
    /** Back to front: violet, orange, blue (the app's chart palette). */
    private static final Color[] MAPS = {new Color(0xa3, 0x71, 0xf7), new Color(0xf0, 0x88, 0x3e), new Color(0x2f, 0x81, 0xf7)};
    /** Activations of the front map (0…1), row by row: a bright diagonal stroke, like an edge detector's. */
    private static final double[][] ACTIVATION = {
        {0.95, 0.55, 0.20, 0.10},
        {0.50, 0.90, 0.45, 0.15},
        {0.15, 0.45, 0.85, 0.40},
        {0.10, 0.20, 0.50, 0.80},
    };

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "packaging/icon");
        Files.createDirectories(out);
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : SIZES) {
            byte[] bytes = png(draw(size));
            png.put(size, bytes);
            Files.write(out.resolve("convstudio-" + size + ".png"), bytes);
        }
        Files.write(out.resolve("convstudio.ico"), ico(png, 16, 24, 32, 48, 64, 128, 256));
        Files.write(out.resolve("convstudio.icns"), icns(png));
        System.out.println("wrote convstudio-{16…1024}.png, convstudio.ico and convstudio.icns into " + out);
    }

    /** The icon at {@code size} × {@code size} pixels, transparent outside its rounded square. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double s = size;
        boolean tiny = size <= 24;

        // background: a rounded square with a soft vertical gradient
        double inset = tiny ? 0 : s * 0.04;
        double bg = s - 2 * inset;
        g.setPaint(new GradientPaint(0, (float) inset, BG_TOP, 0, (float) (inset + bg), BG_BOTTOM));
        g.fill(new RoundRectangle2D.Double(inset, inset, bg, bg, bg * 0.42, bg * 0.42));

        // three maps, each offset up and right from the one in front of it
        double side = s * (tiny ? 0.50 : 0.46);
        double step = s * (tiny ? 0.13 : 0.115);
        double x0 = s * (tiny ? 0.14 : 0.17);
        double y0 = s - x0 - side;
        double corner = side * 0.12;
        for (int i = 0; i < 3; i++) {
            int depth = 2 - i; // 2 = back, 0 = front
            double x = x0 + depth * step;
            double y = y0 - depth * step;
            Color c = MAPS[i];
            if (depth > 0) {
                g.setColor(shade(c, depth == 2 ? 0.70 : 0.85));
                g.fill(new RoundRectangle2D.Double(x, y, side, side, corner, corner));
                g.setColor(withAlpha(Color.WHITE, 0.35));
                g.setStroke(new BasicStroke((float) Math.max(1, s / 128)));
                g.draw(new RoundRectangle2D.Double(x, y, side, side, corner, corner));
            } else {
                drawFrontMap(g, x, y, side, corner, c, size);
            }
        }
        g.dispose();
        return img;
    }

    /** The front map: a grid of activation cells in its colour and, from 32 px up, a kernel window. */
    private static void drawFrontMap(Graphics2D g, double x, double y, double side, double corner, Color c, int size) {
        g.setColor(new Color(0x0d, 0x16, 0x2a));
        g.fill(new RoundRectangle2D.Double(x, y, side, side, corner, corner));
        int n = size <= 24 ? 2 : 4;
        double gap = Math.max(size / 128.0, side * 0.045);
        double cell = (side - gap * (n + 1)) / n;
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < n; k++) {
                double a = n == 4 ? ACTIVATION[r][k] : (r == k ? 0.95 : 0.35);
                g.setColor(mix(new Color(0x1b, 0x2a, 0x4a), brighter(c), a));
                g.fill(new RoundRectangle2D.Double(x + gap + k * (cell + gap), y + gap + r * (cell + gap), cell, cell,
                        cell * 0.25, cell * 0.25));
            }
        }
        if (size >= 32) { // the 2x2 kernel over the top-left cells
            double w = 2 * cell + 3 * gap;
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke((float) Math.max(1.5, size / 48.0), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new RoundRectangle2D.Double(x + gap / 2, y + gap / 2, w - gap, w - gap, cell * 0.35, cell * 0.35));
        }
        g.setColor(withAlpha(Color.WHITE, 0.55));
        g.setStroke(new BasicStroke((float) Math.max(1, size / 96.0)));
        g.draw(new RoundRectangle2D.Double(x, y, side, side, corner, corner));
    }

    private static Color shade(Color c, double f) {
        return new Color((int) (c.getRed() * f), (int) (c.getGreen() * f), (int) (c.getBlue() * f));
    }

    private static Color brighter(Color c) {
        return mix(c, Color.WHITE, 0.25);
    }

    private static Color withAlpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * a));
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    /** A Windows icon: a directory of entries, each a whole PNG file (Windows Vista and later). */
    static byte[] ico(Map<Integer, byte[]> png, int... sizes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(6 + 16 * sizes.length).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int size : sizes) {
            byte[] data = png.get(size);
            head.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
            head.put((byte) 0).put((byte) 0);                 // no palette, reserved
            head.putShort((short) 1).putShort((short) 32);    // colour planes, bits per pixel
            head.putInt(data.length).putInt(offset);
            offset += data.length;
        }
        out.write(head.array());
        for (int size : sizes) {
            out.write(png.get(size));
        }
        return out.toByteArray();
    }

    /** A macOS icon family: "icns", the length, then one PNG entry per type code (big-endian lengths). */
    static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Integer> e : types.entrySet()) {
            byte[] data = png.get(e.getValue());
            body.write(e.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            writeInt(body, 8 + data.length);
            body.write(data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        writeInt(out, 8 + body.size());
        body.writeTo(out);
        return out.toByteArray();
    }

    private static void writeInt(OutputStream out, int v) throws IOException {
        out.write(ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(v).array());
    }
}
