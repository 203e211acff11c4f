package org.yiwang.sorter;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.IntakeResult;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.Source;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The running application with a default model (built by {@code sorter build-default} from hand-written sector
 * examples) and no learnt one: suggestions name a sector and its department type, and intake files a report under
 * the sector's category once the confidence reaches the administrators' threshold.
 */
@SpringBootTest(properties = {"yiwang.workorder.auto-dispatch=false", "yiwang.sorter.training.scheduled=false"})
@AutoConfigureMockMvc
class DefaultModelSpringTests {

    @DynamicPropertySource
    static void defaultModel(DynamicPropertyRegistry registry) throws IOException {
        Path model = Files.createTempDirectory("sorter-default").resolve("default-model.bin");
        SorterCommandTests.Run run = SorterCommandTests.run("sorter", "build-default", "--train",
                SorterCommandTests.resource("sectors-train.jsonl"), "--out", model.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        model.toFile().deleteOnExit();
        registry.add("yiwang.sorter.default-model", () -> "file:" + model);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Intake intake;

    @Test
    void beforeAnyLearntModelTheDefaultModelSuggestsASectorItsDepartmentTypeAndCategory() throws Exception {
        String text = "我家楼下的路灯坏了一个多月了，晚上走路黑漆漆的，希望有关部门尽快来修";
        JsonNode answer = json.readTree(mvc.perform(get("/api/sorter/suggest").param("text", text)
                        .with(user(users.loadUserByUsername("resident"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(answer.get("model").asString()).isEqualTo("DEFAULT");
        assertThat(answer.get("sectors").get(0).get("sector").asString()).isEqualTo("城乡建设");
        assertThat(answer.get("sectors").get(0).get("departmentType").asString()).isEqualTo("HOUSING_CONSTRUCTION");
        assertThat(answer.get("suggestions").get(0).get("categoryCode").asString()).isEqualTo("L01002");
        assertThat(answer.get("suggestions").get(0).get("evidence").get(0).asString()).startsWith("城乡建设");
        double confidence = answer.get("suggestions").get(0).get("confidence").asDouble();

        IndexedGrid grid = locator.grid(grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code()).orElseThrow();
        Point p = grid.geometry().getInteriorPoint();
        mvc.perform(put("/api/sorter/settings").with(user(users.loadUserByUsername("admin"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"autoConfidence\":" + Math.max(0.01, confidence - 0.05) + "}"))
                .andExpect(status().isOk());
        IntakeResult filed = intake.report(new ReportProblem(text, null, p.getY(), p.getX(), null, null, Source.RESIDENT,
                null, null, null, List.of(), null), people.actorOf("resident").orElseThrow());
        assertThat(filed.order().categoryCode()).isEqualTo("L01002");
    }
}
