package org.convstudio.engine.probe;

import java.util.List;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.data.Normalization;

/**
 * The images an inspection looks at: a data set's validation split, in raw pixels (to show) and scaled as
 * the model expects (to feed), converted to the network's input shape when they differ.
 *
 * @param raw           validation images as loaded (after any shape conversion), for display
 * @param scaled        the same images as the network sees them
 * @param normalization what turns raw into scaled (null: raw values)
 * @param notes         what was done that the user should know (conversion, normalisation source)
 */
public record InspectionData(ImageSet raw, ImageSet scaled, Normalization normalization, List<String> notes) {

    /**
     * Loads {@code spec} for {@code model}: converts the images to its input shape if possible, and scales
     * them as the run recorded, or (when it did not say) with the training split's per-channel statistics,
     * as the app trains.
     *
     * @throws DatasetException with a message for the user
     */
    public static InspectionData load(String spec, InspectionModel model, int[] chw) throws DatasetException {
        return of(DatasetLoader.load(spec), model, chw, List.of());
    }

    /**
     * The images of the saved run in {@code folder}: the data set and first images it recorded
     * ({@code engine.run.RunDataSource}), or {@code fallbackSpec} (with a note saying why) for a run that recorded
     * none or whose data set can no longer be read.
     *
     * @throws DatasetException when the fallback cannot be loaded either
     */
    public static InspectionData forRun(java.nio.file.Path folder, InspectionModel model, int[] chw, String fallbackSpec)
            throws DatasetException {
        var r = org.convstudio.engine.run.RunDataSource.loadFor(folder, new ImageShape(chw[0], chw[1], chw[2]),
                fallbackSpec);
        return of(r.split(), model, chw, List.of(r.note()));
    }

    /** {@code split}'s validation images for {@code model} (as {@link #load} makes them), {@code note} first. */
    public static InspectionData forSplit(DataSplit split, InspectionModel model, int[] chw, String note)
            throws DatasetException {
        return of(split, model, chw, List.of(note));
    }

    /** {@code split}'s validation images for {@code model}, converted and scaled as {@link #load} says. */
    static InspectionData of(DataSplit split, InspectionModel model, int[] chw, List<String> firstNotes)
            throws DatasetException {
        List<String> notes = new java.util.ArrayList<>(firstNotes);
        notes.addAll(split.warnings());
        ImageShape target = new ImageShape(chw[0], chw[1], chw[2]);
        var mismatch = ImageAdapter.check(split.shape(), target);
        if (mismatch.isPresent()) {
            if (!ImageAdapter.canAdapt(split.shape(), target)) {
                throw new DatasetException(mismatch.get() + " — these images cannot be converted automatically");
            }
            split = ImageAdapter.adapt(split, target);
            notes.add("images converted to the network's input " + target);
        }
        InspectionModel.Scaling s = model.scaling();
        Normalization n;
        if (s.known()) {
            n = s.normalization();
            notes.add(n == null ? "raw pixel values, as the run was trained" : "normalised as the run recorded");
        } else {
            n = Normalization.fit(split.train());
            notes.add("normalised with the training split's mean and standard deviation");
        }
        ImageSet raw = split.test();
        return new InspectionData(raw, n == null ? raw : n.apply(raw), n, notes);
    }

    /** Scales raw CHW pixels (one image) as the model expects. */
    public float[] scale(float[] rawImage) {
        float[] px = rawImage.clone();
        if (normalization != null) {
            normalization.applyInPlace(px, 1, raw.height() * raw.width());
        }
        return px;
    }

    /** What a raw value of {@code v} becomes per channel (the grey fill of occlusion). */
    public float[] scaledConstant(float v) {
        float[] out = new float[raw.channels()];
        for (int c = 0; c < out.length; c++) {
            out[c] = normalization == null ? v : (v - normalization.mean()[c]) / normalization.std()[c];
        }
        return out;
    }

    public List<String> classNames() {
        return raw.classNames();
    }
}
