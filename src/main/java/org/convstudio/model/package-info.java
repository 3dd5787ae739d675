/**
 * The pure-Java model of a network design: no DJL, no JavaFX. {@link org.convstudio.model.Shape} is the tensor shape of one sample; the sub-packages hold the graph, the layer kinds, the analysis (shapes, counts, receptive fields, validation), the file format and the presets.
 */
package org.convstudio.model;
