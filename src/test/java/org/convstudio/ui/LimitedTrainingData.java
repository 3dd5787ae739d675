package org.convstudio.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.convstudio.ui.training.TrainingViewModel;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A GUI test class whose app trains on the first images of the bundled sample only ("train,validation", e.g.
 * {@code "1024,200"}), with its preferences and data folder isolated from the user's: set before the class's
 * first test, cleared after its last.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LimitedTrainingData.Setup.class)
public @interface LimitedTrainingData {

    /** The images to train on: "N" or "N,M" (see {@link TrainingViewModel#LIMIT_PROPERTY}). */
    String value();

    /** Applies the annotation around the class. */
    final class Setup implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            GuiTestSupport.isolate();
            String limit = context.getRequiredTestClass().getAnnotation(LimitedTrainingData.class).value();
            System.setProperty(TrainingViewModel.LIMIT_PROPERTY, limit);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            System.clearProperty(TrainingViewModel.LIMIT_PROPERTY);
        }
    }
}
