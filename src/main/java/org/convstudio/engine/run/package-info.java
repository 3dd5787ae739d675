/**
 * The one run pipeline, used by the app, by {@code convstudio train} and by every feature that reopens
 * a trained run (Continue, Inspect, Embed), and what keeps a run folder whole.
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
 *   <li>{@link org.convstudio.engine.run.RunLocation}: where run folders go and how they are named;
 *       {@link org.convstudio.engine.run.RunName}: a run's display name, chosen by the user.</li>
 *   <li>{@link org.convstudio.engine.run.NamedOptimizer}, {@link org.convstudio.engine.run.NamedSchedule}:
 *       the optimisers and learning-rate schedules offered by name, defined once.</li>
 *   <li>{@link org.convstudio.engine.explain.Explain}: the one place that turns an exception into a sentence
 *       for a student (also disk-full, read-only and out-of-memory failures of a run);
 *       {@link org.convstudio.engine.explain.RunSetupException}: a run that cannot be set up, already said in
 *       such a sentence.</li>
 *   <li>Run folder integrity: one owner at a time ({@link org.convstudio.engine.store.RunLock}, taken by
 *       {@link org.convstudio.engine.run.RunClaim} before a job touches the folder), the checks made before a
 *       run is continued ({@link org.convstudio.engine.store.RunIntegrity}), the checkpoint sequence that
 *       survives a kill at any step ({@link org.convstudio.engine.store.CheckpointWriter}), and the memory
 *       guard run before training starts ({@link org.convstudio.engine.run.MemoryEstimate},
 *       {@link org.convstudio.engine.run.MemoryGuard}). These are pure Java (no DJL), testable without the
 *       engine.</li>
 * </ul>
 *
 * <p>No JavaFX here: the command line uses all of it.
 */
package org.convstudio.engine.run;
