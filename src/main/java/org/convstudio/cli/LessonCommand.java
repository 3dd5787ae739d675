package org.convstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convstudio.analysis.lesson.KernelsLesson;
import org.convstudio.analysis.lesson.Lesson;
import org.convstudio.analysis.lesson.LessonRenderer;
import org.convstudio.analysis.lesson.LessonStep;
import org.convstudio.analysis.lesson.Lessons;
import org.convstudio.analysis.lesson.LocalityLesson;
import org.convstudio.analysis.lesson.OverfittingLesson;
import org.convstudio.analysis.lesson.Picture;
import org.convstudio.analysis.lesson.TrainingCurves;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.lesson.CurveRecorder;
import org.convstudio.engine.lesson.LessonArms;
import org.convstudio.engine.lesson.LessonRuns;
import org.convstudio.engine.lesson.AutogradBackprop;
import org.convstudio.engine.lesson.SampleDigit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Renders the Classroom's lessons as slides (PNG) without a display, or prints their numbers. */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = {"Render a lesson's steps as PNG slides without a display, or print its numbers.",
            "'lesson list' lists the lessons; 'lesson <id>' writes one PNG per step."})
final class LessonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<id>",
            description = "A lesson id (parameter-explosion, locality, backprop, convolution, kernels, pooling, "
                    + "receptive-field, overfitting, case-studies), or 'list'.")
    String id;

    @Option(names = "--step", paramLabel = "N", description = "Only step N (1 = first).")
    Integer step;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the PNGs (default: lesson-slides).")
    Path out;

    @Option(names = "--json", description = "Print the lesson's numbers as JSON (PNGs only with --out).")
    boolean json;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x720", description = "Slide size in pixels (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--light", description = "Dark text on a light background instead of the high-contrast projector theme.")
    boolean light;

    @Option(names = "--digit", paramLabel = "I", defaultValue = "0",
            description = "Test image of the bundled MNIST sample used by the image lessons (default: ${DEFAULT-VALUE}).")
    int digit;

    @Option(names = "--image", paramLabel = "FILE",
            description = "kernels: filter this image file (PNG, JPEG, BMP or GIF; grey levels, shrunk to at most 96 pixels a "
                    + "side) instead of a sample digit.")
    Path image;

    @Option(names = "--train", description = {"locality and overfitting: first train the lesson's short runs on the "
            + "bundled sample (MLP and LeNet on real and shuffled pixels; the MLP plain, with dropout, with dropout and "
            + "augmentation) through the usual run pipeline, then draw their curves in the last step. Progress goes to "
            + "standard error; the run folders are temporary."})
    boolean train;

    @Override
    public Integer call() throws IOException {
        var o = spec.commandLine().getOut();
        if (id.equals("list")) {
            for (Lessons.Entry e : Lessons.catalogue()) {
                o.printf("%-20s %s — %s%n", e.id(), e.title(), e.summary());
            }
            o.flush();
            return 0;
        }
        if (!Lessons.IDS.contains(id)) {
            throw new UserError("There is no lesson '" + id + "'. The lessons are: " + String.join(", ", Lessons.IDS)
                    + " (see 'lesson list').");
        }
        if (train && !id.equals(LocalityLesson.ID) && !id.equals(OverfittingLesson.ID)) {
            throw new UserError("--train is for the lessons that train: locality and overfitting.");
        }
        if (image != null && !id.equals(KernelsLesson.ID)) {
            throw new UserError("--image is for the kernel playground: lesson kernels --image FILE.");
        }
        Lesson lesson = train ? trained() : image != null ? new KernelsLesson(picture(), null, null)
                : Lessons.find(id, resources()).orElseThrow();
        List<LessonStep> steps = lesson.steps();
        if (step != null && (step < 1 || step > steps.size())) {
            throw new UserError("The lesson '" + id + "' has steps 1 to " + steps.size() + "; --step " + step + " is not one of them.");
        }
        int[] wh = parseSize(size);
        List<String> files = new ArrayList<>();
        if (!json || out != null) {
            System.setProperty("java.awt.headless", "true");
            Path dir = out != null ? out : Path.of("lesson-slides");
            LessonRenderer renderer = new LessonRenderer(light ? LessonRenderer.Theme.LIGHT : LessonRenderer.Theme.PRESENTATION);
            for (int i = 0; i < steps.size(); i++) {
                if (step != null && step != i + 1) {
                    continue;
                }
                BufferedImage img = renderer.render(lesson, i, wh[0], wh[1]);
                Path file = dir.resolve(String.format("%s-step%02d.png", id, i + 1));
                LessonRenderer.writePng(img, file);
                files.add(file.toString());
                if (!json) {
                    o.println(file);
                }
            }
        }
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", lesson.id());
            j.put("title", lesson.title());
            j.put("summary", lesson.summary());
            j.put("numbers", lesson.numbers());
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                if (step != null && step != i + 1) {
                    continue;
                }
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("step", i + 1);
                s.put("title", steps.get(i).title());
                s.put("text", steps.get(i).text());
                s.put("numbers", steps.get(i).numbers());
                list.add(s);
            }
            j.put("steps", list);
            j.put("files", files);
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(j));
        }
        o.flush();
        return 0;
    }

    /** Runs the lesson's short training runs, printing each finished epoch, and builds the lesson with their curves. */
    private Lesson trained() {
        var err = spec.commandLine().getErr();
        List<LessonRuns.Arm> arms;
        try {
            arms = id.equals(LocalityLesson.ID) ? LessonArms.locality(LessonArms.LOCALITY)
                    : LessonArms.overfitting(LessonArms.OVERFITTING);
        } catch (DatasetException e) {
            throw new UserError(e.getMessage());
        }
        int epochs = arms.get(0).config().epochs();
        TrainingCurves planned = id.equals(LocalityLesson.ID) ? LocalityLesson.plannedRuns(epochs)
                : OverfittingLesson.plannedRuns(epochs);
        int[] shown = new int[arms.size()];
        CurveRecorder recorder = new CurveRecorder(planned, arms, c -> {
            synchronized (shown) {
                for (int i = 0; i < c.arms().size(); i++) {
                    TrainingCurves.Arm a = c.arms().get(i);
                    if (a.validation().size() > shown[i]) {
                        shown[i] = a.validation().size();
                        err.printf("%s: epoch %d of %d, training %s, validation %s%n", a.label(), shown[i], epochs,
                                TrainingCurves.percent(a.lastTrain()), TrainingCurves.percent(a.lastValidation()));
                        err.flush();
                    }
                }
            }
        });
        LessonRuns runs = new LessonRuns(TorchThreads.forHeadless());
        runs.run(arms, recorder);
        TrainingCurves done = recorder.finish(false);
        err.println(done.status());
        err.flush();
        return id.equals(LocalityLesson.ID) ? new LocalityLesson(resources().digit(), 2, done) : new OverfittingLesson(done);
    }

    private Picture picture() {
        try {
            return Picture.read(image);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    private Lessons.Resources resources() {
        double[][] sample;
        if (id.equals("locality") || id.equals("kernels")) {
            try {
                sample = SampleDigit.load(digit);
            } catch (DatasetException e) {
                throw new UserError(e.getMessage());
            }
        } else {
            sample = new double[28][28];
        }
        return new Lessons.Resources(sample, new AutogradBackprop());
    }

    static int[] parseSize(String s) {
        String[] parts = s.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].trim());
                int h = Integer.parseInt(parts[1].trim());
                if (w >= 320 && h >= 200 && w <= 7680 && h <= 4320) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UserError("--size takes width x height in pixels between 320x200 and 7680x4320, such as 1920x1080.");
    }
}
