/**
 * The one run pipeline, used by the app, by {@code convstudio train} and by every feature that reopens
 * a trained run (Continue, Inspect, Embed).
 *
 * <ul>
 *   <li>{@link org.convstudio.engine.run.TrainingJob}: design + data + settings → a running
 *       {@link org.convstudio.engine.train.TrainingSession} and a run folder with the same files whoever
 *       started it; {@code TrainingJob.resume(folder)} continues a saved run with its own settings and
 *       input scaling. Its builder takes an optional {@link org.convstudio.engine.train.StepHook}.</li>
 *   <li>{@link org.convstudio.engine.run.RunReader}: reopens a run folder (design, settings, scaling,
 *       history, checkpoint record).</li>
 *   <li>{@link org.convstudio.engine.run.RunData}: loads the images a run trains on (same limit and
 *       folder-size rules everywhere); {@link org.convstudio.engine.run.InputScaling}: the
 *       {@code normalization.json} of a run; {@link org.convstudio.engine.run.RunDesign}: a design checked
 *       for training.</li>
 *   <li>{@link org.convstudio.engine.run.RunLocation}: where run folders go and how they are named.</li>
 *   <li>{@link org.convstudio.engine.run.NamedOptimizer}, {@link org.convstudio.engine.run.NamedSchedule}:
 *       the optimisers and learning-rate schedules offered by name, defined once.</li>
 *   <li>{@link org.convstudio.engine.run.Explain}: the one place that turns an exception into a sentence
 *       for a student; {@link org.convstudio.engine.run.RunSetupException}: a run that cannot be set up,
 *       already said in such a sentence.</li>
 * </ul>
 *
 * <p>No JavaFX here: the command line uses all of it.
 */
package org.convstudio.engine.run;
