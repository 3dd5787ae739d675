package org.convstudio.ui.classroom;

import java.util.function.Supplier;
import org.convstudio.analysis.lesson.BackpropLesson;
import org.convstudio.analysis.lesson.BackpropProblem;
import org.convstudio.analysis.lesson.BackpropSolver;
import org.convstudio.analysis.lesson.CaseStudiesLesson;
import org.convstudio.analysis.lesson.ConvolutionLesson;
import org.convstudio.analysis.lesson.KernelsLesson;
import org.convstudio.analysis.lesson.Lesson;
import org.convstudio.analysis.lesson.LocalityLesson;
import org.convstudio.analysis.lesson.OverfittingLesson;
import org.convstudio.analysis.lesson.Picture;
import org.convstudio.analysis.lesson.ParameterExplosionLesson;
import org.convstudio.analysis.lesson.PoolingLesson;
import org.convstudio.analysis.lesson.ReceptiveFieldLesson;

/**
 * What the teacher changed in the lessons' controls (immutable; every change is a new value).
 *
 * @param imageSide side of the square image in the parameter-explosion lesson
 * @param shift pixels the locality lesson moves the digit
 * @param layers 3×3 layers stacked in the receptive-field lesson
 * @param picture the image of the kernel playground (a drawing or an image file), or null for the sample digit
 */
public record LessonSettings(int imageSide, int hiddenUnits, int shift, double x1, double x2, double target,
                             double rate, int stride, int padding, int dilation, boolean flip, int layers,
                             String customKernel, Picture picture) {

    public static final LessonSettings DEFAULTS = new LessonSettings(200, 1000, 2, 2, -1, 1, 0.2, 1, 0, 1, false, 3, "", null);

    public LessonSettings withImage(int side, int hidden) {
        return new LessonSettings(side, hidden, shift, x1, x2, target, rate, stride, padding, dilation, flip, layers, customKernel, picture);
    }

    public LessonSettings withShift(int s) {
        return new LessonSettings(imageSide, hiddenUnits, s, x1, x2, target, rate, stride, padding, dilation, flip, layers, customKernel, picture);
    }

    public LessonSettings withBackprop(double nx1, double nx2, double nTarget, double nRate) {
        return new LessonSettings(imageSide, hiddenUnits, shift, nx1, nx2, nTarget, nRate, stride, padding, dilation, flip, layers, customKernel, picture);
    }

    public LessonSettings withConvolution(int s, int p, int d, boolean f) {
        return new LessonSettings(imageSide, hiddenUnits, shift, x1, x2, target, rate, s, p, d, f, layers, customKernel, picture);
    }

    public LessonSettings withLayers(int n) {
        return new LessonSettings(imageSide, hiddenUnits, shift, x1, x2, target, rate, stride, padding, dilation, flip, n, customKernel, picture);
    }

    /** A kernel typed by the teacher ("" for none), shown after the built-in ones. */
    public LessonSettings withCustomKernel(String text) {
        return new LessonSettings(imageSide, hiddenUnits, shift, x1, x2, target, rate, stride, padding, dilation, flip, layers,
                text == null ? "" : text.trim(), picture);
    }

    /** The image the kernel playground filters: a drawing or an image file; null for the sample digit. */
    public LessonSettings withPicture(Picture p) {
        return new LessonSettings(imageSide, hiddenUnits, shift, x1, x2, target, rate, stride, padding, dilation, flip, layers,
                customKernel, p);
    }

    /** Builds lesson {@code id} with these settings; throws IllegalArgumentException with a plain message. */
    public Lesson create(String id, Supplier<double[][]> digit, BackpropSolver solver) {
        return create(id, digit, solver, LiveInputs.NONE);
    }

    /** The same with what workers computed: training curves, the chosen network's kernels and fields. */
    Lesson create(String id, Supplier<double[][]> digit, BackpropSolver solver, LiveInputs live) {
        NetworkFacts net = live.network();
        return switch (id) {
            case ParameterExplosionLesson.ID -> new ParameterExplosionLesson(
                    new ParameterExplosionLesson.Setup(1, imageSide, imageSide, hiddenUnits, 10, 5));
            case LocalityLesson.ID -> new LocalityLesson(digit.get(), shift, live.locality());
            case BackpropLesson.ID -> new BackpropLesson(BackpropProblem.courseExample().withInput(x1, x2)
                    .withTarget(target).withRate(rate), solver);
            case ConvolutionLesson.ID -> net.kernel() != null ? ConvolutionLesson.ofLayer(net.kernel(), flip)
                    : new ConvolutionLesson(ConvolutionLesson.TOY_INPUT, ConvolutionLesson.TOY_KERNEL, stride, padding, dilation, flip);
            case KernelsLesson.ID -> new KernelsLesson(picture != null ? picture : new Picture(KernelsLesson.SAMPLE_NAME, digit.get()),
                    customKernel.isEmpty() ? null : KernelsLesson.parse(customKernel),
                    net.filters());
            case PoolingLesson.ID -> new PoolingLesson();
            case ReceptiveFieldLesson.ID -> new ReceptiveFieldLesson(2 * layers + 3,
                    java.util.Collections.nCopies(layers, new ReceptiveFieldLesson.Stage(false, 3, 1)), net.field());
            case OverfittingLesson.ID -> new OverfittingLesson(live.overfitting());
            case CaseStudiesLesson.ID -> new CaseStudiesLesson();
            default -> throw new IllegalArgumentException("unknown lesson " + id);
        };
    }

}
