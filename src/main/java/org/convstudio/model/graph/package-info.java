/**
 * The design as an immutable directed acyclic graph of nodes ({@link org.convstudio.model.graph.Network}, {@link org.convstudio.model.graph.Node}), its edits, and the editor positions of its blocks.
 */
package org.convstudio.model.graph;
