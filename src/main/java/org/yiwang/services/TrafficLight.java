package org.yiwang.services;

/** 红黄绿灯 of an application's limit: green below 80 % used, yellow to 100 %, red beyond; GREY when no clock runs. */
public enum TrafficLight {
    GREEN, YELLOW, RED, GREY;

    static TrafficLight of(double fractionUsed) {
        return fractionUsed > 1 ? RED : fractionUsed >= 0.8 ? YELLOW : GREEN;
    }
}
