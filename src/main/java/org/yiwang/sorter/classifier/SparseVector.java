package org.yiwang.sorter.classifier;

/** A feature vector with its non-zero entries only, indices ascending. */
record SparseVector(int[] indices, float[] values) {

    double dot(float[] dense) {
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            sum += values[i] * dense[indices[i]];
        }
        return sum;
    }

    double squaredNorm() {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return sum;
    }
}
