/**
 * The Train workspace.
 *
 * <ul>
 *   <li>View-model (no scene graph; receives a {@link org.convstudio.ui.common.TaskExecutor}, unit-tested
 *       without the toolkit): {@link org.convstudio.ui.training.TrainingViewModel}, composed of
 *       {@link org.convstudio.ui.training.DataSetModel}, {@link org.convstudio.ui.training.TrainBlocker},
 *       {@link org.convstudio.ui.training.RunController} and {@link org.convstudio.ui.training.RunHistoryModel};
 *       {@code FormSettings} parses the form.</li>
 *   <li>The engine side of a run: {@link org.convstudio.ui.training.EngineRun} (a
 *       {@link org.convstudio.engine.run.TrainingJob} turned into UI
 *       {@link org.convstudio.ui.training.TrainingSnapshot}s), {@link org.convstudio.ui.training.RunCatalog}
 *       (the runs folder).</li>
 *   <li>View: {@link org.convstudio.ui.training.TrainWorkspace} with {@code DataPanel}, {@code SettingsForm},
 *       {@code RunsPanel}, {@code Dashboard} (its metric tiles in a {@code MetricRow}), {@code CompareWindow}, {@link org.convstudio.ui.training.ConfusionMatrixView},
 *       {@link org.convstudio.ui.training.SampleStrip}.</li>
 * </ul>
 */
package org.convstudio.ui.training;
