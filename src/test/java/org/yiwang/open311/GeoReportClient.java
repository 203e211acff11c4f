package org.yiwang.open311;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;


/** Calls the GeoReport v2 server as a client application does: GETs with query strings, POSTs form-encoded. */
final class GeoReportClient {

    private final MockMvc mvc;

    GeoReportClient(MockMvc mvc) {
        this.mvc = mvc;
    }

    record Answer(int status, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer get(String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return answer(request);
    }

    /** A form-encoded POST; repeat a name for several values ({@code attribute[X][]}). */
    Answer post(String path, String... fields) throws Exception {
        return postWithKey(path, null, fields);
    }

    /** A POST with an {@code Idempotency-Key} header. */
    Answer postWithKey(String path, String idempotencyKey, String... fields) throws Exception {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            pairs.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .characterEncoding(StandardCharsets.UTF_8)
                .content(String.join("&", pairs));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return answer(request);
    }

    Answer answer(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        return new Answer(response.getStatus(), response.getContentType(), response.getContentAsByteArray());
    }

    static MockHttpServletRequestBuilder raw(String method, String path) {
        return switch (method) {
            case "GET" -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
            case "POST" -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path);
            default -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
                    org.springframework.http.HttpMethod.valueOf(method), path);
        };
    }
}
