package org.yiwang.workorder.web.mobile;

import tools.jackson.databind.json.JsonMapper;

/** Data for a page's script, written into a {@code <script type="application/json">} element. */
final class PageJson {

    private PageJson() {
    }

    /** JSON that cannot close the script element it sits in. */
    static String write(JsonMapper json, Object value) {
        return org.yiwang.platform.InlineJson.escape(json.writeValueAsString(value));
    }
}
