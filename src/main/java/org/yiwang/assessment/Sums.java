package org.yiwang.assessment;

/** The orders reported and each {@link Flag} summed over a unit's orders of a month. */
record Sums(long reported, long[] flags) {

    static Sums empty() {
        return new Sums(0, new long[Flag.values().length]);
    }

    long get(Flag flag) {
        return flags[flag.ordinal()];
    }

    Sums plus(Sums other) {
        long[] sum = flags.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.flags[i];
        }
        return new Sums(reported + other.reported, sum);
    }
}
