package org.convstudio.analysis.lesson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a lesson.
 *
 * @param text a few plain sentences for the class
 * @param numbers the figures the step shows, in display order (numbers, strings, lists or nested maps)
 * @param drawing what to draw
 */
public record LessonStep(String title, String text, Map<String, Object> numbers, Drawing drawing) {

    public LessonStep {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }
}
