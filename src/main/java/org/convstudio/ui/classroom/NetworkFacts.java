package org.convstudio.ui.classroom;

import org.convstudio.analysis.lesson.EffectiveField;
import org.convstudio.analysis.lesson.LayerKernel;
import org.convstudio.analysis.lesson.LearnedFilters;

/**
 * What the lessons read from the chosen network (the current design at its initial weights, or a saved
 * run): each part null until computed or when the network has none (no convolution).
 *
 * @param source the network and its weights, as the lessons name it
 * @param error  why something could not be read ("" when all went well)
 */
record NetworkFacts(String source, EffectiveField field, LayerKernel kernel, LearnedFilters filters, String error) {

    static final NetworkFacts NONE = new NetworkFacts("", null, null, null, "");
}
