package org.convstudio.analysis.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made kernels applied to a sample image (with one pixel of zero padding, so the size is kept):
 * identity, box blur, edge detectors, Laplacian, sharpen, Sobel x and y and the gradient magnitude.
 */
public final class KernelsLesson implements Lesson {

    public static final String ID = "kernels";

    /** A named kernel and what it does, in one line. */
    public record Kernel(String id, String name, double[][] values, String does) {
    }

    private static final double NINTH = 1.0 / 9;

    public static final List<Kernel> KERNELS = List.of(
            new Kernel("identity", "Identity", new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}},
                    "copies the image: only the centre weight is non-zero"),
            new Kernel("box-blur", "Box blur", new double[][] {{NINTH, NINTH, NINTH}, {NINTH, NINTH, NINTH}, {NINTH, NINTH, NINTH}},
                    "averages each 3×3 neighbourhood, softening the strokes"),
            new Kernel("edges-diagonal", "Edges (diagonal)", new double[][] {{1, 0, -1}, {0, 0, 0}, {-1, 0, 1}},
                    "responds where the image changes along the diagonals"),
            new Kernel("laplacian", "Laplacian", new double[][] {{0, 1, 0}, {1, -4, 1}, {0, 1, 0}},
                    "compares a pixel with its four neighbours: zero on flat areas, strong on the outline"),
            new Kernel("edges-all", "Edges (all directions)", new double[][] {{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}},
                    "compares a pixel with all eight neighbours"),
            new Kernel("sharpen", "Sharpen", new double[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}},
                    "adds the edges to the image: strokes look crisper"),
            new Kernel("sobel-x", "Sobel x", new double[][] {{-0.25, 0, 0.25}, {-0.5, 0, 0.5}, {-0.25, 0, 0.25}},
                    "measures the horizontal change ∂I/∂x: positive where the image gets brighter to the right"),
            new Kernel("sobel-y", "Sobel y", new double[][] {{-0.25, -0.5, -0.25}, {0, 0, 0}, {0.25, 0.5, 0.25}},
                    "measures the vertical change ∂I/∂y: positive where the image gets brighter downwards"));

    /** What the lesson calls the bundled sample's digit. */
    public static final String SAMPLE_NAME = "the sample digit";

    private final double[][] image;
    private final String imageName;
    private final Kernel custom;
    private final LearnedFilters learned;

    /** @param custom a kernel the teacher typed, shown after the built-in ones, or null */
    public KernelsLesson(double[][] image, Kernel custom) {
        this(image, custom, null);
    }

    /** @param learned a network's first-layer kernels, shown in two last steps; or null */
    public KernelsLesson(double[][] image, Kernel custom, LearnedFilters learned) {
        this(new Picture(SAMPLE_NAME, image), custom, learned);
    }

    /** @param picture the image filtered: the sample digit, a drawing or an image file */
    public KernelsLesson(Picture picture, Kernel custom, LearnedFilters learned) {
        this.image = picture.shared();
        this.imageName = picture.name();
        this.custom = custom;
        this.learned = learned;
    }

    /** What the image is called in the texts ("the sample digit", "your drawing", a file's name). */
    public String imageName() {
        return imageName;
    }

    /**
     * A kernel the teacher typed: rows separated by ";" or new lines, values by spaces or commas, e.g.
     * "0 -1 0; -1 5 -1; 0 -1 0". Throws with a plain message when it is not a square of numbers.
     */
    public static Kernel parse(String text) {
        String[] rowTexts = text.trim().split("\\s*[;\\n]\\s*");
        double[][] rows = new double[rowTexts.length][];
        for (int r = 0; r < rowTexts.length; r++) {
            String[] cells = rowTexts[r].trim().split("[\\s,]+");
            rows[r] = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    rows[r][c] = Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + cells[c] + "' in your kernel is not a number — write rows like 0 -1 0; -1 5 -1; 0 -1 0");
                }
                if (!Double.isFinite(rows[r][c])) {
                    throw new IllegalArgumentException("your kernel holds an infinite value — use ordinary numbers");
                }
            }
        }
        int n = rows.length;
        if (n % 2 == 0 || n > 9) {
            throw new IllegalArgumentException("your kernel has " + n + " rows; use an odd size up to 9 (1, 3, 5, 7 or 9 rows)");
        }
        for (double[] row : rows) {
            if (row.length != n) {
                throw new IllegalArgumentException("every row of your kernel needs " + n + " values, like the number of rows");
            }
        }
        return new Kernel("custom", "Your kernel", rows, "is the one you typed");
    }

    public static Kernel kernel(String id) {
        return KERNELS.stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kernel " + id));
    }

    /** The kernel applied with padding 1 (cross-correlation, as a network computes it). */
    public double[][] apply(Kernel k) {
        return Grids.correlate(image, k.values(), 1, k.values().length / 2, 1);
    }

    /** √(Ix² + Iy²) from the two Sobel kernels. */
    public double[][] gradientMagnitude() {
        return Grids.map(apply(kernel("sobel-x")), apply(kernel("sobel-y")), (a, b) -> Math.sqrt(a * a + b * b));
    }

    private List<Kernel> kernels() {
        List<Kernel> all = new ArrayList<>(KERNELS);
        if (custom != null) {
            all.add(custom);
        }
        return all;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Kernel playground";
    }

    @Override
    public String summary() {
        return "Identity, blur, edges, Laplacian, sharpen, Sobel x/y and gradient magnitude on a sample digit, a drawing or an image file";
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("image", imageName);
        n.put("imageSize", List.of(image.length, image[0].length));
        Map<String, Object> ks = new LinkedHashMap<>();
        for (Kernel k : kernels()) {
            double[][] out = apply(k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kernel", Grids.rows(k.values()));
            m.put("min", Grids.min(out));
            m.put("max", Grids.max(out));
            ks.put(k.id(), m);
        }
        double[][] g = gradientMagnitude();
        ks.put("gradient-magnitude", Nums.of("min", Grids.min(g), "max", Grids.max(g)));
        n.put("kernels", ks);
        return n;
    }

    @Override
    public List<LessonStep> steps() {
        List<LessonStep> s = new ArrayList<>();
        for (Kernel k : kernels()) {
            double[][] out = apply(k);
            Map<String, Object> nums = new LinkedHashMap<>();
            nums.put("kernel", Grids.rows(k.values()));
            nums.put("min", Grids.min(out));
            nums.put("max", Grids.max(out));
            boolean signed = Grids.min(out) < -1e-9;
            s.add(new LessonStep(k.name(), "This kernel " + k.does() + " — here on " + imageName
                    + ". Before networks learned their kernels, image processing designed them by hand like this.", nums,
                    new Drawing.Row(List.of(new Drawing.Grid(caption(), image, false, false, List.of()),
                            new Drawing.Grid("kernel", k.values(), true, true, List.of()),
                            new Drawing.Grid("result", out, false, signed, List.of())), "⋆")));
        }
        double[][] g = gradientMagnitude();
        s.add(new LessonStep("Gradient magnitude", "Combining the two Sobel results, √(Ix² + Iy²), gives the strength "
                + "of the change in any direction: the outlines in " + imageName + ". A network's first layer learns kernels much like these.",
                Nums.of("min", Grids.min(g), "max", Grids.max(g)),
                new Drawing.Row(List.of(new Drawing.Grid("Ix", apply(kernel("sobel-x")), false, true, List.of()),
                        new Drawing.Grid("Iy", apply(kernel("sobel-y")), false, true, List.of()),
                        new Drawing.Grid("√(Ix² + Iy²)", g, false, false, List.of())), "")));
        if (learned != null) {
            s.addAll(learnedSteps(learned));
        }
        return s;
    }

    /** Titles of the steps {@code learned} adds (for the lesson's kernel list). */
    public static List<String> learnedTitles(LearnedFilters l) {
        return List.of("Learned: " + l.node(), "Learned: " + l.node() + " on the image");
    }

    private List<LessonStep> learnedSteps(LearnedFilters l) {
        List<Drawing> kernels = new ArrayList<>();
        List<Drawing> results = new ArrayList<>();
        int i = 0;
        for (double[][] k : l.shown()) {
            boolean small = k.length <= 5 && k[0].length <= 5;
            kernels.add(new Drawing.Grid("filter " + i, Grids.rounded(k, 2), small, true, List.of()));
            double[][] out = Grids.correlate(image, k, 1, k.length / 2, 1);
            results.add(new Drawing.Grid("filter " + i, out, false, true, List.of()));
            i++;
        }
        List<String> titles = learnedTitles(l);
        String what = l.live() ? "as they stand now: they change as it trains" : l.trained() ? "as training left them" : "still at their random start — train the design (or pick a run) to see what it learns";
        Map<String, Object> nums = new LinkedHashMap<>();
        nums.put("node", l.node());
        nums.put("filters", l.kernels().size());
        nums.put("kernelSize", l.kernels().get(0).length);
        String which = l.shown().size() == l.kernels().size() ? "The " + l.kernels().size() + " kernels"
                : "The first " + l.shown().size() + " of the " + l.kernels().size() + " kernels";
        return List.of(new LessonStep(titles.get(0), which + " of " + l.node() + " in " + l.source() + ", " + what
                        + ". Blue is positive, red negative; kernels reading several channels are summed over them. Nobody "
                        + "designed them: compare them with the hand-made edge and blur kernels.",
                nums, new Drawing.Row(kernels, "")),
                new LessonStep(titles.get(1), "The same kernels applied to " + imageName + ", as the network's first layer does before its "
                        + "bias and non-linearity. Trained filters often respond to strokes in one direction, like Sobel.",
                        nums, new Drawing.Row(results, "")));
    }

    private String caption() {
        return SAMPLE_NAME.equals(imageName) ? "image" : imageName.length() <= 24 ? imageName
                : imageName.substring(0, 23) + "…";
    }

    public LearnedFilters learned() {
        return learned;
    }
}
