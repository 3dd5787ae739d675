package org.convstudio.analysis.lesson;

import java.util.List;
import java.util.Optional;

/** The Classroom's lessons, in the course's order, with their stable ids. */
public final class Lessons {

    /** The lesson ids, in order (command-line contract). */
    public static final List<String> IDS = List.of(ParameterExplosionLesson.ID, LocalityLesson.ID, BackpropLesson.ID,
            ConvolutionLesson.ID, KernelsLesson.ID, PoolingLesson.ID, ReceptiveFieldLesson.ID, OverfittingLesson.ID,
            CaseStudiesLesson.ID);

    /**
     * What the lessons need from outside this package.
     *
     * @param digit a sample image (grey levels in [0, 1]) for the locality and kernel lessons
     * @param backprop real autograd for the back-propagation lesson
     */
    public record Resources(double[][] digit, BackpropSolver backprop) {
    }

    /** A lesson's id, title and one-line summary, for lists. */
    public record Entry(String id, String title, String summary) {
    }

    private Lessons() {
    }

    /** Ids, titles and summaries without loading a sample or starting an engine. */
    public static List<Entry> catalogue() {
        Resources none = new Resources(new double[28][28], p -> {
            throw new IllegalStateException("the catalogue does not solve anything");
        });
        return all(none).stream().map(l -> new Entry(l.id(), l.title(), l.summary())).toList();
    }

    /** Every lesson with its default settings. */
    public static List<Lesson> all(Resources r) {
        return IDS.stream().map(id -> create(id, r)).toList();
    }

    public static Optional<Lesson> find(String id, Resources r) {
        return IDS.contains(id) ? Optional.of(create(id, r)) : Optional.empty();
    }

    private static Lesson create(String id, Resources r) {
        return switch (id) {
            case ParameterExplosionLesson.ID -> new ParameterExplosionLesson();
            case LocalityLesson.ID -> new LocalityLesson(r.digit(), 2);
            case BackpropLesson.ID -> new BackpropLesson(BackpropProblem.courseExample(), r.backprop());
            case ConvolutionLesson.ID -> new ConvolutionLesson();
            case KernelsLesson.ID -> new KernelsLesson(r.digit(), null);
            case PoolingLesson.ID -> new PoolingLesson();
            case ReceptiveFieldLesson.ID -> new ReceptiveFieldLesson();
            case OverfittingLesson.ID -> new OverfittingLesson();
            case CaseStudiesLesson.ID -> new CaseStudiesLesson();
            default -> throw new IllegalArgumentException("unknown lesson " + id);
        };
    }
}
