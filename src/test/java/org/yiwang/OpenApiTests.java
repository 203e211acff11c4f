package org.yiwang;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API documents itself: OpenAPI at /v3/api-docs and a Swagger UI, readable without signing in. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theOpenApiDocumentListsTheWorkOrderApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/work-orders']").exists())
                .andExpect(jsonPath("$.paths['/api/work-orders/{id}/{action}']").exists())
                .andExpect(jsonPath("$.paths['/api/geo/locate']").exists());
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk()).andExpect(content().string(containsString("Swagger UI")));
    }
}
