/**
 * What every workspace uses: {@link org.convstudio.ui.common.Background} (I/O pool, ordered writer, ticker),
 * {@link org.convstudio.ui.common.TaskExecutor} (what view-models receive instead of calling JavaFX),
 * {@link org.convstudio.ui.common.PulseDrain} (worker snapshots to the FX thread, at most one per pulse),
 * plots ({@link org.convstudio.ui.common.LinePlot}, {@link org.convstudio.ui.common.Decimator},
 * {@link org.convstudio.ui.common.AppendOnlySeries}), styles and the
 * {@link org.convstudio.ui.common.Workspace} contract.
 */
package org.convstudio.ui.common;
