package org.convstudio.ui.classroom;

import javafx.application.Platform;
import javafx.scene.Node;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.lesson.AutogradBackprop;
import org.convstudio.engine.lesson.SampleDigit;
import org.convstudio.ui.common.Background;
import org.convstudio.ui.common.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Classroom workspace: the course's lessons, live, with a presentation window for projectors. */
public final class ClassroomWorkspace implements Workspace {

    private ClassroomViewModel viewModel;
    private ClassroomView view;
    private double[][] digit;
    private volatile String missingSample;

    @Override
    public String id() {
        return "classroom";
    }

    @Override
    public String title() {
        return "Classroom";
    }

    @Override
    public String description() {
        return "The course's lessons, step by step, and a presentation mode for projectors";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignS.SCHOOL;
    }

    public ClassroomViewModel viewModel() {
        view();
        return viewModel;
    }

    /** Called on the worker: the bundled sample's first test digit (loaded once), or a plain square if it is missing. */
    private synchronized double[][] digit() {
        if (digit == null) {
            try {
                digit = SampleDigit.load(0);
            } catch (DatasetException e) {
                missingSample = e.getMessage() + " The image lessons show a plain square instead.";
                String notice = missingSample;
                Platform.runLater(() -> view.notice(notice));
                double[][] d = new double[28][28];
                for (int r = 8; r < 20; r++) {
                    for (int c = 8; c < 20; c++) {
                        d[r][c] = 1;
                    }
                }
                digit = d;
            }
        }
        return digit;
    }

    @Override
    public Node view() {
        if (view == null) {
            viewModel = new ClassroomViewModel(Background.executor(),
                    Platform::runLater, this::digit, new AutogradBackprop());
            view = new ClassroomView(viewModel);
        }
        return view;
    }

    ClassroomView classroomView() {
        view();
        return view;
    }

    /** Why the sample digit is missing, or null. */
    public String missingSample() {
        return missingSample;
    }

    @Override
    public void onShown() {
        viewModel().refresh();
    }
}
