package org.convstudio.engine.export;

import java.util.List;

/**
 * What loading a state_dict into a design found.
 *
 * @param matched     keys loaded into the design
 * @param missing     keys the design needs that the file lacks (those blocks keep their previous or fresh values)
 * @param unexpected  keys in the file that no block of the design takes
 * @param wrongShape  one line per key present in both but with another shape or type: "key: file [..], design [..]"
 * @param ignored     keys the design knows but ConvStudio does not keep (batch norm's num_batches_tracked)
 * @param loadedValues number of values loaded
 */
public record ImportReport(List<String> matched, List<String> missing, List<String> unexpected, List<String> wrongShape,
                           List<String> ignored, long loadedValues) {

    public ImportReport {
        matched = List.copyOf(matched);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        wrongShape = List.copyOf(wrongShape);
        ignored = List.copyOf(ignored);
    }

    /** True when every tensor of the design was loaded and the file had nothing else. */
    public boolean complete() {
        return missing.isEmpty() && unexpected.isEmpty() && wrongShape.isEmpty();
    }
}
