/** The text classifier behind the sorter: features, linear SVM, calibration and evaluation. */
@org.jspecify.annotations.NullMarked
package org.yiwang.sorter.classifier;
