package org.convstudio.analysis.lesson;

import java.util.List;

/** What a lesson step shows, described as data; {@link LessonRenderer} (or the app) draws it. */
public sealed interface Drawing {

    /** A highlighted rectangle of grid cells (inclusive top-left, size in cells). */
    record Box(int top, int left, int height, int width, Tone tone) {
    }

    /** Colours by meaning, so the app can pick high-contrast ones in presentation mode. */
    enum Tone { ACCENT, GOOD, BAD, MUTED }

    /**
     * A grid of numbers: an image, a kernel or a feature map.
     *
     * @param showValues write each value in its cell (small grids)
     * @param signed colour negative values differently (kernels, edge maps)
     */
    record Grid(String caption, double[][] values, boolean showValues, boolean signed, List<Box> boxes)
            implements Drawing {
        public Grid {
            boxes = List.copyOf(boxes);
        }

        public int rows() {
            return values.length;
        }

        public int cols() {
            return values.length == 0 ? 0 : values[0].length;
        }
    }

    /** Drawings side by side, with an optional symbol (×, =, →) between them. */
    record Row(List<Drawing> items, String between) implements Drawing {
        public Row {
            items = List.copyOf(items);
        }
    }

    /** Horizontal bars, optionally on a logarithmic scale (parameter counts spanning orders of magnitude). */
    record Bars(String caption, List<String> labels, List<Double> values, boolean log) implements Drawing {
        public Bars {
            labels = List.copyOf(labels);
            values = List.copyOf(values);
        }
    }

    /** A table of text cells. */
    record Table(String caption, List<String> header, List<List<String>> rows) implements Drawing {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A small network drawn as circles and arrows. Positions are in [0, 1] (left to right, top to bottom).
     *
     * @param highlight ids of nodes and edges ("from>to") to emphasise in this step
     */
    record Graph(List<GraphNode> nodes, List<GraphEdge> edges, List<String> highlight) implements Drawing {
        public Graph {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
            highlight = List.copyOf(highlight);
        }
    }

    /** @param label shown inside the circle; {@code note} under it (a value or a delta) */
    record GraphNode(String id, double x, double y, String label, String note) {
    }

    record GraphEdge(String from, String to, String label) {
    }

    /** Lines of text or formulas, large. */
    record Lines(List<String> lines) implements Drawing {
        public Lines {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A line chart: accuracy (or loss) against epochs. {@code xMax} fixes the x axis (the planned epochs), so
     * a chart that is still filling keeps its scale.
     */
    record Chart(String caption, String xLabel, String yLabel, double xMax, double yMin, double yMax,
                 List<Series> series) implements Drawing {
        public Chart {
            series = List.copyOf(series);
        }
    }

    /**
     * One line of a chart: points (xs[i], ys[i]) in order; {@code colour} picks from the theme's series
     * colours (0 accent, 1 blue, 2 green, 3 red); dashed lines are training, solid ones validation.
     */
    record Series(String label, int colour, boolean dashed, double[] xs, double[] ys) {
        public Series {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("a series needs as many x as y values");
            }
            xs = xs.clone();
            ys = ys.clone();
        }
    }
}
