package org.yiwang.platform;

/**
 * JSON that may sit inside an HTML {@code <script type="application/json">} element: {@code <}, {@code >}
 * and {@code &} become {@code \u003c}, {@code \u003e} and {@code \u0026} (valid in JSON strings, where alone
 * they can occur), so neither {@code </script>} nor {@code <!--} in a user's text can end the element or
 * change how the browser reads it; U+2028/U+2029 are escaped for older script parsers.
 */
public final class InlineJson {

    private InlineJson() {
    }

    /** {@code json} made safe for a script element; {@code JSON.parse} of the element's text gives the same value. */
    public static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
