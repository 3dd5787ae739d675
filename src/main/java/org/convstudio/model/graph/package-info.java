/**
 * The design as a graph: {@link org.convstudio.model.graph.Network} (immutable nodes and their ordered
 * inputs, with the positions the editor draws them at) and {@link org.convstudio.model.graph.AutoLayout}.
 *
 * <p>Layout lives here, not in the editor, because it is geometry of the graph that more than the
 * editor needs: presets are built laid out, the CLI writes laid-out design files, and the editor's
 * Auto Layout, drop-to-insert and preset loading all use the same algorithm (the editor only passes the
 * measured sizes of its cards). It uses the Eclipse Layout Kernel's layered algorithm, plain Java with
 * no UI, so the model stays free of JavaFX and DJL; ArchitectureTest keeps ELK inside this package.
 */
package org.convstudio.model.graph;
