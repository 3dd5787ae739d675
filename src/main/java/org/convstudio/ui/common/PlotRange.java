package org.convstudio.ui.common;

/**
 * The data range a line plot shows, from the extremes of its finite points (y as log10 on a log scale): a
 * unit square when there are none, a unit width around a single x, room around a flat line, and 5 % above
 * and below otherwise. One rule for the screen ({@link LinePlotPainter}) and the SVG export ({@link PlotSvg}).
 */
final class PlotRange {

    private PlotRange() {
    }

    /** {xMin, xMax, yMin, yMax} to draw, from the extremes found (min greater than max: no points). */
    static double[] padded(double xMin, double xMax, double yMin, double yMax, boolean log) {
        if (xMin > xMax) {
            xMin = 0;
            xMax = 1;
            yMin = 0;
            yMax = 1;
        }
        if (xMax == xMin) {
            xMin -= 0.5;
            xMax += 0.5;
        }
        if (yMax == yMin) {
            yMin -= log ? 0.5 : Math.max(1e-9, Math.abs(yMin) * 0.1 + (yMin == 0 ? 1 : 0));
            yMax += log ? 0.5 : Math.max(1e-9, Math.abs(yMax) * 0.1 + (yMax == 0 ? 1 : 0));
        } else {
            double pad = (yMax - yMin) * 0.05;
            yMin -= pad;
            yMax += pad;
        }
        return new double[] {xMin, xMax, yMin, yMax};
    }
}
