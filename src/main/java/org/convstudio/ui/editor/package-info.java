/**
 * The Design workspace: the canvas of blocks and connections, the palette, the inspector, the totals bar, presets, and the view-model with its undoable edit history and autosave.
 */
package org.convstudio.ui.editor;
