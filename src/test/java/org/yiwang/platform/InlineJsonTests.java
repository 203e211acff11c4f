package org.yiwang.platform;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InlineJsonTests {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void textCannotCloseTheScriptElementItSitsIn() {
        String name = "</script><script>alert(1)</script><!-- & \u2028";
        String inline = InlineJson.escape(json.writeValueAsString(Map.of("name", name)));
        assertThat(inline).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        assertThat(json.readTree(inline).get("name").asString()).isEqualTo(name);
    }
}
