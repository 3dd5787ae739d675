package org.convstudio.analysis.lesson;

import java.util.List;
import java.util.Map;

/** One lesson of the Classroom: a stable id, a title and its steps. */
public interface Lesson {

    /** Stable id used by the command line ({@code lesson <id>}) and saved settings. */
    String id();

    String title();

    /** One line for the lesson list. */
    String summary();

    List<LessonStep> steps();

    /** The lesson's key figures (what {@code lesson <id> --json} prints besides the steps). */
    Map<String, Object> numbers();
}
