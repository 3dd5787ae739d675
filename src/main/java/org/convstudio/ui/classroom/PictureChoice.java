package org.convstudio.ui.classroom;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import org.convstudio.analysis.lesson.Picture;
import org.convstudio.engine.lesson.SampleDigit;

/**
 * The kernel playground's image, for the {@link ClassroomViewModel}: a test digit of the bundled sample or an
 * image file, read on the worker, or a drawing; a later choice wins over one still being read, whichever
 * finishes first. The chosen picture goes into the lesson settings on the ui executor.
 */
final class PictureChoice {

    private final Executor worker;
    private final Executor ui;
    private final ObjectProperty<LessonSettings> settings;
    private final Consumer<String> error;
    private final AtomicLong version = new AtomicLong();

    /**
     * @param settings the lessons' settings (written on the ui executor)
     * @param error    shows a sentence on the ui executor
     */
    PictureChoice(Executor worker, Executor ui, ObjectProperty<LessonSettings> settings, Consumer<String> error) {
        this.worker = worker;
        this.ui = ui;
        this.settings = settings;
        this.error = error;
    }

    /** Test image {@code index} of the bundled sample (0: the default digit). */
    void useSampleImage(int index, Consumer<String> done) {
        if (index == 0) {
            usePicture(null);
            done.accept(null);
            return;
        }
        read(() -> new Picture(PictureControls.SAMPLE_PREFIX + index, SampleDigit.load(index)), done);
    }

    /** An image file, read on the worker. */
    void usePictureFile(Path file, Consumer<String> done) {
        read(() -> Picture.read(file), done);
    }

    /** A picture at hand (a drawing; null for the default digit), now. */
    void usePicture(Picture p) {
        version.incrementAndGet();
        settings.set(settings.get().withPicture(p));
    }

    private void read(Callable<Picture> reader, Consumer<String> done) {
        long v = version.incrementAndGet();
        worker.execute(() -> {
            Picture p;
            try {
                p = reader.call();
            } catch (Exception e) {
                String m = e.getMessage();
                ui.execute(() -> {
                    error.accept(m);
                    done.accept(m);
                });
                return;
            }
            ui.execute(() -> {
                if (version.get() == v) {
                    settings.set(settings.get().withPicture(p));
                }
                done.accept(null);
            });
        });
    }
}
