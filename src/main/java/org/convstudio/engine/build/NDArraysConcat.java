package org.convstudio.engine.build;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/** Channel concatenation (axis 1) for Concat nodes. */
final class NDArraysConcat {

    private NDArraysConcat() {
    }

    static NDArray channels(NDList list) {
        return NDArrays.concat(list, 1);
    }
}
