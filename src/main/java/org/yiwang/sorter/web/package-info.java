/** The sorter's JSON API and its administration screens (training, calibration). */
@org.jspecify.annotations.NullMarked
package org.yiwang.sorter.web;
