package org.yiwang.open311;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.intake.ChannelSpringTest;
import org.yiwang.intake.IntakeFixtures;
import org.yiwang.intake.LocatePending;
import org.yiwang.intake.PendingReports;
import org.yiwang.intake.RecordStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance with GeoReport v2: every endpoint in XML and in JSON, and every kind of error, checked
 * against the spec's required fields and types — JSON Schemas and XML Schemas written from the
 * published specification ({@code src/test/resources/open311}).
 */
@ChannelSpringTest
class GeoReportConformanceTests {

    static final String V2 = "/open311/v2/";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ApiKeys keys;
    @Autowired PendingReports pending;
    @Autowired JsonMapper json;

    GeoReportClient client;
    IntakeFixtures fixtures;
    IndexedGrid grid;
    String key;

    @BeforeEach
    void aClientWithAKey() {
        client = new GeoReportClient(mvc);
        fixtures = new IntakeFixtures(context);
        grid = fixtures.dispatchersGrid();
        key = keys.issue(new ApiKeys.NewKey("conformance", null, 10_000), fixtures.actor("admin")).key();
    }

    /** The answer conforms to schema {@code name} in its format, with the format's content type. */
    static void conforms(GeoReportClient.Answer answer, String format, String name) {
        if (format.equals("json")) {
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(JsonSchemaCheck.violations(name, answer.text())).as(answer.text()).isEmpty();
        } else {
            assertThat(answer.contentType()).startsWith("text/xml");
            assertThat(answer.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            assertThat(XmlSchemaCheck.violations(name, answer.body())).as(answer.text()).isEmpty();
        }
    }

    static void errors(GeoReportClient.Answer answer, String format, int status, int count) throws Exception {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        conforms(answer, format, "errors");
        int found = format.equals("json") ? JsonMapper.builder().build().readTree(answer.text()).size()
                : DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()))
                .getElementsByTagName("error").getLength();
        assertThat(found).as(answer.text()).isGreaterThanOrEqualTo(count);
    }

    String point(int axis) {
        return String.valueOf(IntakeFixtures.latLon(grid)[axis]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "json"})
    void discovery(String format) throws Exception {
        for (String path : List.of("/open311/discovery." + format, V2 + "discovery." + format)) {
            GeoReportClient.Answer answer = client.get(path);
            assertThat(answer.status()).isEqualTo(200);
            conforms(answer, format, "discovery");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "json"})
    void serviceListAndDefinitions(String format) throws Exception {
        GeoReportClient.Answer list = client.get(V2 + "services." + format, "jurisdiction_id", "320104");
        assertThat(list.status()).isEqualTo(200);
        conforms(list, format, "services");
        assertThat(list.text()).contains("C01001").contains("M09").doesNotContain("\"metadata\":\"");

        for (String code : List.of("C01001", "M06001", "M07001", "M08001", "M09001", "L01001", "L03001")) {
            GeoReportClient.Answer definition = client.get(V2 + "services/" + code + "." + format);
            assertThat(definition.status()).as(code).isEqualTo(200);
            conforms(definition, format, "service_definition");
        }
        // all six datatypes of the spec are in use
        String all = client.get(V2 + "services/C01001." + format).text() + client.get(V2 + "services/M06001." + format).text()
                + client.get(V2 + "services/L01001." + format).text();
        assertThat(all).contains("string").contains("number").contains("datetime").contains("text")
                .contains("singlevaluelist").contains("multivaluelist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "json"})
    void postThenReadTheRequestAndTheList(String format) throws Exception {
        GeoReportClient.Answer created = client.post(V2 + "requests." + format, "api_key", key, "service_code", "C01001",
                "lat", point(0), "long", point(1), "description", "井盖松动，踩上去会响", "attribute[DAMAGE]", "TILTED",
                "attribute[HAZARDS][]", "TRAFFIC", "attribute[HAZARDS][]", "INJURY", "email", "someone@example.org",
                "first_name", "雷", "last_name", "李", "media_url", "https://example.org/a.jpg");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        conforms(created, format, "post_response");
        String id = serviceRequestId(created, format);

        GeoReportClient.Answer one = client.get(V2 + "requests/" + id + "." + format);
        assertThat(one.status()).isEqualTo(200);
        conforms(one, format, "service_requests");
        assertThat(one.text()).contains(id).contains("https://example.org/a.jpg").doesNotContain("someone@example.org");

        GeoReportClient.Answer extended = client.get(V2 + "requests/" + id + "." + format, "extensions", "true");
        conforms(extended, format, "service_requests");
        assertThat(extended.text()).contains("notes").contains("HAZARDS").contains("TRAFFIC,INJURY");

        GeoReportClient.Answer list = client.get(V2 + "requests." + format, "service_code", "C01001", "status", "open");
        assertThat(list.status()).isEqualTo(200);
        conforms(list, format, "service_requests");
        assertThat(list.text()).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "json"})
    void anAddressNoOneCanLocateGivesAToken(String format) throws Exception {
        GeoReportClient.Answer created = client.post(V2 + "requests." + format, "api_key", key, "service_code", "M06001",
                "address_string", "无此地址" + IntakeFixtures.unique("路") + "号", "description", "垃圾堆放");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        conforms(created, format, "post_response");
        String token = field(created, format, "token");

        GeoReportClient.Answer waiting = client.get(V2 + "tokens/" + token + "." + format);
        assertThat(waiting.status()).isEqualTo(200);
        conforms(waiting, format, "token_response");

        // a dispatcher locates it: the token now names the request
        long recordId = jdbcRecord(token);
        pending.locate(recordId, new LocatePending(null, grid.code(), null, null, null), fixtures.actor("dispatcher"));
        GeoReportClient.Answer located = client.get(V2 + "tokens/" + token + "." + format);
        conforms(located, format, "token_response");
        RecordStatus status = pending.status(recordId).orElseThrow();
        assertThat(located.text()).contains(status.orderNumber());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "json"})
    void errorsAreTheSpecsListWithTheRightStatus(String format) throws Exception {
        // 403: no api_key, and a bad one
        errors(client.post(V2 + "requests." + format, "service_code", "C01001", "lat", point(0), "long", point(1),
                "attribute[DAMAGE]", "BROKEN"), format, 403, 1);
        errors(client.post(V2 + "requests." + format, "api_key", "o311_nonsense", "service_code", "C01001", "lat", point(0),
                "long", point(1), "attribute[DAMAGE]", "BROKEN"), format, 403, 1);
        // every problem at once: unknown service (404, which wins), no location, bad email, bad media_url
        errors(client.post(V2 + "requests." + format, "api_key", key, "service_code", "X99", "email", "nobody",
                "media_url", "ftp://x"), format, 404, 4);
        // 400: a required attribute missing, a list value that is not one, a number that is none
        errors(client.post(V2 + "requests." + format, "api_key", key, "service_code", "M07001", "lat", point(0), "long", point(1),
                "attribute[EXTENT]", "many"), format, 400, 2);
        // 404s
        errors(client.get(V2 + "services/C99999." + format), format, 404, 1);
        errors(client.get(V2 + "requests/YW000." + format), format, 404, 1);
        errors(client.get(V2 + "tokens/0123456789abcdef0123456789abcdef." + format), format, 404, 1);
        errors(client.get(V2 + "services." + format, "jurisdiction_id", "999999"), format, 404, 1);
        errors(client.get(V2 + "nothing-here." + format), format, 404, 1);
        // 400s of GET requests: dates, window, status, bbox, paging
        errors(client.get(V2 + "requests." + format, "start_date", "yesterday"), format, 400, 1);
        errors(client.get(V2 + "requests." + format, "start_date", "2026-01-01T00:00:00+08:00", "end_date",
                "2026-06-01T00:00:00+08:00"), format, 400, 1);
        errors(client.get(V2 + "requests." + format, "status", "pending", "bbox", "1,2,3", "page_size", "5000"), format, 400, 3);
        // a key that is sent must be valid, also for reads
        errors(client.get(V2 + "services." + format, "api_key", "wrong"), format, 403, 1);
        // the wrong method on a known resource
        GeoReportClient.Answer delete = client.answer(GeoReportClient.raw("DELETE", V2 + "requests." + format));
        errors(delete, format, 405, 1);
    }

    private long jdbcRecord(String token) {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT record_id FROM open311_token WHERE token = :t").param("t", token).query(Long.class).single();
    }

    private String serviceRequestId(GeoReportClient.Answer answer, String format) throws Exception {
        return field(answer, format, "service_request_id");
    }

    private String field(GeoReportClient.Answer answer, String format, String name) throws Exception {
        if (format.equals("json")) {
            JsonNode node = json.readTree(answer.text());
            return node.get(0).get(name).asString();
        }
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()))
                .getElementsByTagName(name).item(0).getTextContent();
    }
}
