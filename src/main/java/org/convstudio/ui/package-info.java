/**
 * The JavaFX desktop app: one sub-package per workspace plus the shell and shared widgets. The FX thread only draws: work runs on workers that publish immutable snapshots, drained once per pulse.
 */
package org.convstudio.ui;
