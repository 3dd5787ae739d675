package org.convstudio.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.model.io.AtomicFiles;

/**
 * Which images a run was trained and validated on, so that Inspect, Embed and their commands reopen a run with
 * its own data rather than a default set: the data set as the user named it ({@code spec}, e.g.
 * {@code mnist-sample} or {@code folder:/data/shapes}) and how many of its first images each split used
 * (a {@code --limit}, or the app's conversion keeping the first images that fit). Written as
 * {@value #FILE} in the run folder:
 * {@code {"spec": "...", "trainImages": 8000, "validationImages": 2000, "classNames": [...], "shape": [1, 28, 28]}}.
 *
 * @param spec             the data set as the user named it
 * @param trainImages      the first training images used
 * @param validationImages the first validation images used (the validation set's order is the run's sample order)
 * @param classNames       the classes, in label order
 * @param shape            the images' shape as the network saw them (after any conversion)
 */
public record RunDataSource(String spec, int trainImages, int validationImages, List<String> classNames,
                            ImageShape shape) {

    /** The file in the run folder. */
    public static final String FILE = "data.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunDataSource {
        classNames = List.copyOf(classNames);
    }

    /** What {@code split} (as given to the run, before scaling) holds of the data set {@code spec}. */
    public static RunDataSource of(String spec, DataSplit split) {
        return new RunDataSource(absolute(spec), split.train().size(), split.test().size(), split.classNames(),
                split.shape());
    }

    /** {@code folder:shapes} as {@code folder:/home/me/shapes}: the record still holds from another directory. */
    static String absolute(String spec) {
        try {
            DatasetSpec s = DatasetSpec.parse(spec);
            return s.dir() == null ? s.toString() : new DatasetSpec(s.kind(), s.dir().toAbsolutePath().normalize()).toString();
        } catch (DatasetException e) {
            return spec;
        }
    }

    /** Writes {@value #FILE} into {@code folder}, atomically. */
    public void write(Path folder) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("spec", spec);
        o.put("trainImages", trainImages);
        o.put("validationImages", validationImages);
        o.set("classNames", JSON.valueToTree(classNames));
        o.set("shape", JSON.valueToTree(new int[] {shape.channels(), shape.height(), shape.width()}));
        AtomicFiles.write(folder.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
    }

    /**
     * Reads {@value #FILE} from {@code folder}; empty when the run has none (runs from before it was written, or
     * trained on images handed over without a name).
     *
     * @throws IOException when the file is there but unreadable or incomplete (the message names it)
     */
    public static Optional<RunDataSource> read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode o = JSON.readTree(file.toFile());
            JsonNode s = o.path("shape");
            if (!o.path("spec").isTextual() || !s.isArray() || s.size() != 3) {
                throw new IOException("no spec or shape");
            }
            List<String> names = new ArrayList<>();
            o.path("classNames").forEach(n -> names.add(n.asText()));
            return Optional.of(new RunDataSource(o.get("spec").asText(), o.path("trainImages").asInt(0),
                    o.path("validationImages").asInt(0), names, new ImageShape(s.get(0).asInt(), s.get(1).asInt(),
                    s.get(2).asInt())));
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is damaged (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + "): the run's data set is unknown; name it with --data", e);
        }
    }

    /**
     * Loads the images again: the data set, its first {@link #trainImages} and {@link #validationImages} (raw, not
     * scaled), folder images at {@code networkShape}.
     *
     * @throws DatasetException with a sentence when the data set is gone or no longer parses
     */
    public DataSplit load(ImageShape networkShape) throws DatasetException {
        return RunData.load(DatasetSpec.parse(spec), networkShape, new RunData.Limit(trainImages, validationImages));
    }

    /**
     * The images of a reopened run: what it recorded, or the data set {@code fallback}.
     *
     * @param split the images (raw, not scaled)
     * @param spec  the data set they come from
     * @param note  what the user should know: which images these are, and why when it is the fallback
     */
    public record Reloaded(DataSplit split, String spec, String note) {
    }

    /**
     * Loads the images the run in {@code folder} recorded (its data set, its first training and validation
     * images), or, for a run that recorded none or whose data set can no longer be read, {@code fallback} with a
     * note saying why. Folder images are read at {@code networkShape} (null: the recorded shape).
     *
     * @throws DatasetException when the fallback cannot be loaded either
     */
    public static Reloaded loadFor(Path folder, ImageShape networkShape, String fallback) throws DatasetException {
        String why;
        try {
            Optional<RunDataSource> recorded = read(folder);
            if (recorded.isPresent()) {
                RunDataSource r = recorded.get();
                return new Reloaded(r.load(networkShape != null ? networkShape : r.shape()), r.spec(),
                        "the run's own images: the first " + r.trainImages() + " training and " + r.validationImages()
                                + " validation images of " + r.spec());
            }
            why = "the run does not record its data set (it predates " + FILE + ")";
        } catch (IOException | DatasetException e) {
            why = e.getMessage();
        }
        return new Reloaded(org.convstudio.engine.data.DatasetLoader.load(fallback), fallback,
                "showing " + fallback + ": " + why);
    }
}
