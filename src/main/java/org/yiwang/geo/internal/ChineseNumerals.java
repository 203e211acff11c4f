package org.yiwang.geo.internal;

/** Writes small counts the way grid names do: 一, 十二, 一百零五. */
public final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** The number in Chinese numerals, for 1 to 9999. */
    public static String of(int number) {
        if (number < 1 || number > 9999) {
            throw new IllegalArgumentException("only 1..9999: " + number);
        }
        int[] units = {1000, 100, 10, 1};
        String[] names = {"千", "百", "十", ""};
        StringBuilder out = new StringBuilder();
        boolean pendingZero = false;
        for (int k = 0; k < units.length; k++) {
            int digit = number / units[k] % 10;
            if (digit == 0) {
                pendingZero = out.length() > 0;
                continue;
            }
            if (pendingZero) {
                out.append('零');
                pendingZero = false;
            }
            if (!(digit == 1 && units[k] == 10 && out.length() == 0)) {
                out.append(DIGITS.charAt(digit));
            }
            out.append(names[k]);
        }
        return out.toString();
    }
}
