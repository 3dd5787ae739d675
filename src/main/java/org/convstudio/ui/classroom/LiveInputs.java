package org.convstudio.ui.classroom;

import org.convstudio.analysis.lesson.TrainingCurves;

/**
 * What the lessons take from outside their settings, computed by workers: the curves of the lessons'
 * training runs (null: none ran) and what was read from the chosen network ({@link NetworkFacts#NONE}:
 * nothing yet). Immutable; the view-model swaps it whole.
 */
record LiveInputs(TrainingCurves locality, TrainingCurves overfitting, NetworkFacts network) {

    static final LiveInputs NONE = new LiveInputs(null, null, NetworkFacts.NONE);

    LiveInputs withCurves(String lessonId, TrainingCurves c) {
        return org.convstudio.analysis.lesson.LocalityLesson.ID.equals(lessonId)
                ? new LiveInputs(c, overfitting, network) : new LiveInputs(locality, c, network);
    }

    LiveInputs withNetwork(NetworkFacts n) {
        return new LiveInputs(locality, overfitting, n);
    }

    TrainingCurves curves(String lessonId) {
        return org.convstudio.analysis.lesson.LocalityLesson.ID.equals(lessonId) ? locality : overfitting;
    }
}
