package org.convstudio.analysis.lesson;

import static org.convstudio.analysis.lesson.Grids.fmt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Max, average and L2 pooling on the course's 5×5 feature map with 15 at its centre; moving the map by
 * ±1 pixel keeps the max pool at 15, until the 15 leaves the window (then it drops to 7).
 */
public final class PoolingLesson implements Lesson {

    public static final String ID = "pooling";

    /** The course's 5×5 convolution output (Thome, "Max Pooling &amp; Translation Invariance"). */
    public static final double[][] COURSE_MAP = {
        {11, -5, 1, -2, 0},
        {1, 3, 0, 0, 5},
        {8, 4, 15, -10, 4},
        {8, 6, 5, 3, 7},
        {3, 0, -2, 9, 3}};

    /** The same map after the strong response (15) moved one pixel to the left. */
    public static final double[][] COURSE_MAP_MOVED = {
        {11, -5, 1, -2, 0},
        {1, 3, 0, 0, 5},
        {8, 15, 4, -10, 4},
        {8, 6, 5, 3, 7},
        {3, 0, -2, 9, 3}};

    private final double[][] map;
    private final int window;

    public PoolingLesson(double[][] map, int window) {
        if (window < 1 || window + 2 > Math.min(map.length, map[0].length)) {
            throw new IllegalArgumentException("the pooling window must leave one pixel of margin on each side of the map");
        }
        this.map = Grids.copy(map);
        this.window = window;
    }

    public PoolingLesson() {
        this(COURSE_MAP, 3);
    }

    private int top() {
        return (map.length - window) / 2;
    }

    private int left() {
        return (map[0].length - window) / 2;
    }

    /** The centred window's pooled value after moving the map by (dx, dy), |dx|, |dy| ≤ 1. */
    public double pooledAfterShift(Grids.Pool mode, int dx, int dy) {
        return Grids.pool(map, mode, top() - dy, left() - dx, window, window);
    }

    /** The course's failure case: the window one column right of centre, before and after the 15 moved. */
    public static double[] edgeCase() {
        return new double[] {Grids.pool(COURSE_MAP, Grids.Pool.MAX, 1, 2, 3, 3),
            Grids.pool(COURSE_MAP_MOVED, Grids.Pool.MAX, 1, 2, 3, 3)};
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Pooling and invariance";
    }

    @Override
    public String summary() {
        return "Max, average and L2 pooling of the course's 5×5 map; a ±1 pixel shift keeps the max at 15, until it does not";
    }

    private Map<String, Object> pooled(int dx, int dy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dx", dx);
        m.put("dy", dy);
        m.put("max", pooledAfterShift(Grids.Pool.MAX, dx, dy));
        m.put("avg", pooledAfterShift(Grids.Pool.AVG, dx, dy));
        m.put("l2", pooledAfterShift(Grids.Pool.L2, dx, dy));
        return m;
    }

    private List<Map<String, Object>> shifts() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                list.add(pooled(dx, dy));
            }
        }
        return list;
    }

    @Override
    public Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("map", Grids.rows(map));
        n.put("window", window);
        Map<String, Object> c = pooled(0, 0);
        c.remove("dx");
        c.remove("dy");
        n.put("centre", c);
        n.put("shifts", shifts());
        double[] edge = edgeCase();
        n.put("edgeWindowMaxBefore", edge[0]);
        n.put("edgeWindowMaxAfter", edge[1]);
        return n;
    }

    @Override
    public List<LessonStep> steps() {
        List<LessonStep> s = new ArrayList<>();
        Drawing.Box box = new Drawing.Box(top(), left(), window, window, Drawing.Tone.ACCENT);
        double max = pooledAfterShift(Grids.Pool.MAX, 0, 0);
        double avg = pooledAfterShift(Grids.Pool.AVG, 0, 0);
        double l2 = pooledAfterShift(Grids.Pool.L2, 0, 0);
        Map<String, Object> n1 = new LinkedHashMap<>();
        n1.put("max", max);
        n1.put("avg", avg);
        n1.put("l2", l2);
        s.add(new LessonStep("One pooling window",
                "Pooling summarises a " + window + "×" + window + " window with one number and learns nothing. "
                        + "Max keeps the strongest response (" + fmt(max) + "), average the mean (" + fmt(avg)
                        + "), L2 the length √(Σ v²) = " + fmt(l2) + ".",
                n1, new Drawing.Grid("feature map", map, true, true, List.of(box))));
        List<List<String>> rows = new ArrayList<>();
        boolean allSame = true;
        for (Map<String, Object> m : shifts()) {
            rows.add(List.of("(" + m.get("dx") + ", " + m.get("dy") + ")", fmt((Double) m.get("max")),
                    fmt((Double) m.get("avg")), fmt((Double) m.get("l2"))));
            allSame &= (Double) m.get("max") == max;
        }
        s.add(new LessonStep("Move the map by one pixel",
                "Move the feature map one pixel in any of the eight directions: the " + fmt(max) + " stays inside the window, "
                        + (allSame ? "so the max pool does not change at all" : "yet the max changes for some moves")
                        + ". Average and L2 change a little. This is the small translation invariance pooling gives.",
                Nums.of("shifts", shifts()), new Drawing.Row(List.of(
                        new Drawing.Grid("feature map", map, true, true, List.of(box)),
                        new Drawing.Table("pooled after a move (dx, dy)", List.of("move", "max", "avg", "L2"), rows)), "")));
        double[] edge = edgeCase();
        Map<String, Object> n3 = new LinkedHashMap<>();
        n3.put("maxBefore", edge[0]);
        n3.put("maxAfter", edge[1]);
        Drawing.Box edgeBox = new Drawing.Box(1, 2, 3, 3, Drawing.Tone.BAD);
        s.add(new LessonStep("When invariance breaks",
                "Now the window sits one column further right, with the " + fmt(edge[0]) + " on its left edge. When the 15 "
                        + "moves one pixel left it leaves the window, and the max falls to " + fmt(edge[1])
                        + ". Pooling forgives small moves only while the strongest value stays inside.",
                n3, new Drawing.Row(List.of(
                        new Drawing.Grid("before: max " + fmt(edge[0]), COURSE_MAP, true, true, List.of(edgeBox)),
                        new Drawing.Grid("15 moved left: max " + fmt(edge[1]), COURSE_MAP_MOVED, true, true, List.of(edgeBox))), "→")));
        return s;
    }
}
