package org.yiwang.open311;

import org.junit.jupiter.api.Test;
import org.yiwang.open311.georeport.Formats;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

    static Map<String, Object> request() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", "YW1");
        m.put("lat", 0.0001);
        m.put("address", null);
        m.put("description", "a < b & c\u0001");
        return m;
    }

    @Test
    void listsBecomeThePluralElementWithTheSpecsSingularItems() {
        String xml = new String(Formats.XML.write("service_requests", List.of(request())), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request>")
                .contains("<service_request_id>YW1</service_request_id>")
                .contains("<lat>0.0001</lat>")
                .contains("<address/>")
                .contains("<description>a &lt; b &amp; c</description>");
    }

    @Test
    void jsonKeepsNullsAndNumbers() {
        String json = new String(Formats.JSON.write("ignored", List.of(request())), StandardCharsets.UTF_8);
        assertThat(json).contains("\"address\":null").contains("\"lat\":1.0E-4");
    }

    @Test
    void theSchemaChecksCatchWhatIsWrong() {
        assertThat(JsonSchemaCheck.violations("errors", "[{\"code\":\"400\",\"description\":\"x\"}]")).isNotEmpty();
        assertThat(JsonSchemaCheck.violations("errors", "[]")).isNotEmpty();
        assertThat(JsonSchemaCheck.violations("service_requests",
                "[{\"service_request_id\":\"1\",\"status\":\"open\",\"requested_datetime\":\"2026-05-01T10:00:00\"}]"))
                .anySatisfy(p -> assertThat(p).contains("timezone"))
                .anySatisfy(p -> assertThat(p).contains("missing required lat"));
        assertThat(JsonSchemaCheck.violations("post_response", "[{\"service_notice\":null,\"account_id\":null}]"))
                .anySatisfy(p -> assertThat(p).contains("matches none"));
        assertThat(XmlSchemaCheck.violations("errors", "<errors><error><code>x</code><description>d</description></error></errors>"
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(XmlSchemaCheck.violations("service_requests", ("<service_requests><request><service_request_id>1</service_request_id>"
                + "<status>open</status><requested_datetime>2026-05-01T10:00:00</requested_datetime></request></service_requests>")
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }
}
