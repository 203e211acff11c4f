package org.yiwang.workorder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.dispatch.RouteRequest;
import org.yiwang.dispatch.Router;
import org.yiwang.dispatch.RoutingDecision;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.ledger.Ledger;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.account.CreateUser;
import org.yiwang.people.account.UserAdministration;
import org.yiwang.platform.Role;
import org.yiwang.people.People;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who reads an order's ledger, where a dispatcher may send it, whose photos it may carry, where its links land. */
@SpringBootTest
@AutoConfigureMockMvc
class OrderScopeTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Router router;
    @Autowired Catalog catalog;
    @Autowired People people;
    @Autowired Organization organization;
    @Autowired Ledger ledger;
    @Autowired UserAdministration administration;

    IndexedGrid grid;
    String handlerCategory;
    String otherDepartmentCategory;

    @BeforeEach
    void aGridOfTheGridWorkerACategoryOfTheHandlerAndOneOfAnotherDepartment() {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        grid = locator.grid(grids.gridsOf(gridWorker).getFirst().code()).orElseThrow();
        long handlerUnit = people.findByUsername("handler").orElseThrow().orgUnitId();
        List<Map.Entry<String, RoutingDecision>> routed = catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .map(c -> Map.entry(c, router.route(new RouteRequest(c, grid.code(), grid.community().code(), grid.street().code(),
                        grid.district().code()))))
                .filter(e -> e.getValue().routed())
                .toList();
        handlerCategory = routed.stream().filter(e -> e.getValue().orgUnitId() == handlerUnit).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        otherDepartmentCategory = routed.stream()
                .filter(e -> e.getValue().orgUnitId() != handlerUnit && e.getValue().assistOrgUnitIds().isEmpty()
                        && organization.find(e.getValue().orgUnitId()).orElseThrow().isDepartment())
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    Map<String, Object> inGrid(Object... more) {
        Point p = grid.geometry().getInteriorPoint();
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("lat", p.getY(), "lon", p.getX()));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    JsonNode report(String user, Map<String, Object> body, int expected) throws Exception {
        return call(post("/api/work-orders").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)), expected);
    }

    JsonNode act(String user, long id, String action, Map<String, Object> body, int expected) throws Exception {
        return call(post("/api/work-orders/" + id + "/" + action).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), expected);
    }

    /** A JPEG no one has uploaded before. */
    static byte[] freshJpeg() {
        byte[] bytes = new byte[40];
        new SecureRandom().nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    String upload(String user, byte[] bytes) throws Exception {
        return call(multipart("/api/photos").file(new MockMultipartFile("file", "a.jpg", "image/jpeg", bytes)).with(as(user)), 201)
                .get("id").asString();
    }

    @Test
    void theOrdersLedgerIsReadByExactlyThoseWhoMayReadTheOrderWithNotesMasked() throws Exception {
        JsonNode created = report("resident", inGrid("description", "人行道护栏倒塌", "categoryCode", otherDepartmentCategory), 201);
        long id = created.get("id").asLong();
        String number = created.get("number").asString();
        assertThat(created.get("status").asString()).isEqualTo("DISPATCHED");
        act("dispatcher", id, "supervise", Map.of("note", "请联系居民 13912345678 尽快处理"), 200);
        ledger.seal();
        String entries = "/api/ledger/workorder/" + number;

        // another department's order: the handler reads neither the order nor its ledger
        call(get("/api/work-orders/" + id).with(as("handler")), 404);
        call(get(entries).with(as("handler")), 404);
        call(get(entries).with(as("dispatcher-honghua")), 404);

        // the street's own dispatcher, the grid worker and the community read both
        for (String reader : List.of("dispatcher", "gridworker", "community")) {
            call(get("/api/work-orders/" + id).with(as(reader)), 200);
            JsonNode history = call(get(entries).with(as(reader)), 200);
            assertThat(history.get("entries").findValuesAsString("kind")).as(reader)
                    .containsExactly("REPORT", "REGISTER", "DISPATCH", "SUPERVISE");
            String supervised = history.get("entries").get(3).get("canonical").asString();
            assertThat(supervised).as(reader).contains("139****5678").doesNotContain("13912345678");
        }
    }

    @Test
    void dispatcherCannotDispatchToAnotherStreetsCommandCentre() throws Exception {
        long id = report("resident", inGrid("description", "楼道堆放杂物"), 201).get("id").asLong();
        act("dispatcher", id, "register", Map.of("categoryCode", handlerCategory), 200);
        long honghua = organization.officeOf("320104003").orElseThrow().id();
        long districtOffice = organization.officeOf("320104").orElseThrow().id();

        JsonNode refused = call(post("/api/work-orders/" + id + "/dispatch").with(as("dispatcher")).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("orgUnitId", honghua, "note", "改派红花"))), 422);
        assertThat(refused.get("code").asString()).isEqualTo("workorder.error.unitNotCandidate");
        assertThat(refused.get("detail").asString()).contains("duty list");
        act("dispatcher", id, "dispatch", Map.of("orgUnitId", districtOffice, "note", "改派区指挥中心"), 422);
        long suggested = router.route(new RouteRequest(handlerCategory, grid.code(), grid.community().code(), grid.street().code(),
                grid.district().code())).orgUnitId();
        act("dispatcher", id, "dispatch", Map.of("orgUnitId", suggested, "assistOrgUnitIds", List.of(honghua), "note", "协办"), 422);
        call(get("/api/work-orders/" + id).with(as("dispatcher-honghua")), 404);

        // a unit inside the dispatcher's own street whose territory holds the order is fine
        long fuzimiao = organization.officeOf(grid.street().code()).orElseThrow().id();
        JsonNode dispatched = act("dispatcher", id, "dispatch", Map.of("orgUnitId", fuzimiao, "note", "街道自行处置"), 200);
        assertThat(dispatched.get("status").asString()).isEqualTo("DISPATCHED");
    }

    @Test
    void dispatcherMayChooseAnotherUnitTheDutyListNamesForTheCategoryOutsideTheirStreet() throws Exception {
        // a category whose duty list also names a unit above the street (outside the street dispatcher's territory)
        Map.Entry<String, Long> choice = catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .flatMap(c -> {
                    RouteRequest place = new RouteRequest(c, grid.code(), grid.community().code(), grid.street().code(),
                            grid.district().code());
                    RoutingDecision suggestion = router.route(place);
                    return router.candidateUnits(place).stream()
                            .filter(u -> !suggestion.routed() || u != suggestion.orgUnitId())
                            .filter(u -> !organization.find(u).orElseThrow().divisionCode().startsWith(grid.street().code()))
                            .map(u -> Map.entry(c, u));
                })
                .findFirst().orElseThrow();
        long id = report("resident", inGrid("description", "楼道堆放杂物"), 201).get("id").asLong();
        act("dispatcher", id, "register", Map.of("categoryCode", choice.getKey()), 200);
        JsonNode dispatched = act("dispatcher", id, "dispatch", Map.of("orgUnitId", choice.getValue(), "note", "按职责清单改派"), 200);
        assertThat(dispatched.get("status").asString()).isEqualTo("DISPATCHED");
    }

    @Test
    void aPhotoIdIsNoCapabilityAndEveryUploaderOfTheSameBytesSeesTheirUpload() throws Exception {
        byte[] bytes = freshJpeg();
        String id = upload("resident", bytes);
        call(get("/api/photos/" + id).with(as("handler")), 404);
        assertThat(upload("handler", bytes)).isEqualTo(id);
        mvc.perform(get("/api/photos/" + id).with(as("handler"))).andExpect(status().isOk());

        // someone who never uploaded these bytes cannot attach them, and so cannot read them through an order
        String residentsOnly = upload("resident", freshJpeg());
        JsonNode refused = report("community", inGrid("description", "借用他人照片", "photoIds", List.of(residentsOnly)), 400);
        assertThat(refused.get("code").asString()).isEqualTo("workorder.error.photoUnknown");
        call(get("/api/photos/" + residentsOnly).with(as("community")), 404);
        report("resident", inGrid("description", "自己的照片", "photoIds", List.of(residentsOnly)), 201);
    }

    @Test
    void aNotificationLinkLandsOnTheScreenWhereTheUserCanAct() throws Exception {
        long id = report("resident", inGrid("description", "井盖松动", "categoryCode", handlerCategory), 201).get("id").asLong();
        mvc.perform(get("/work-orders/" + id).with(as("handler"))).andExpect(redirectedUrl("/console/orders/" + id));
        mvc.perform(get("/work-orders/" + id).with(as("dispatcher"))).andExpect(redirectedUrl("/console/orders/" + id));
        mvc.perform(get("/work-orders/" + id).with(as("gridworker"))).andExpect(redirectedUrl("/m/grid/orders/" + id));
        mvc.perform(get("/work-orders/" + id).with(as("resident"))).andExpect(redirectedUrl("/m/reports/" + id));
        mvc.perform(get("/work-orders/" + id).with(as("dispatcher-honghua"))).andExpect(status().isNotFound());
        mvc.perform(get("/console/orders/" + id).with(as("handler"))).andExpect(status().isOk());
        mvc.perform(get("/m/grid/orders/" + id).with(as("gridworker"))).andExpect(status().isOk());
        mvc.perform(get("/m/reports/" + id).with(as("resident"))).andExpect(status().isOk());
    }

    @Test
    void aWhistleLinkLandsOnTheWhistlePageForTheSummonedDepartment() throws Exception {
        long id = report("resident", inGrid("description", "占道经营反复出现", "categoryCode", otherDepartmentCategory), 201)
                .get("id").asLong();
        long department = people.findByUsername("handler").orElseThrow().orgUnitId();
        JsonNode blown = call(post("/api/work-orders/" + id + "/whistles").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("kind", "ROUTINE", "reason", "多部门联合整治，联系人 13912345678",
                        "departmentIds", List.of(department)))), 201);
        long whistle = blown.get("id").asLong();
        mvc.perform(get("/whistles/" + whistle).with(as("handler"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/console/orders/" + id)));
        mvc.perform(get("/whistles/" + whistle).with(as("dispatcher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/console/orders/" + id)));
        mvc.perform(get("/console/orders/" + id).with(as("handler"))).andExpect(status().isOk());
        mvc.perform(get("/whistles/" + whistle).with(as("dispatcher-honghua"))).andExpect(status().isNotFound());

        // the whistle's ledger: the street and the summoned department, reasons masked; not another department of the district
        ledger.seal();
        String entries = "/api/ledger/whistle/" + blown.get("number").asString();
        for (String reader : List.of("dispatcher", "handler")) {
            String canonical = call(get(entries).with(as(reader)), 200).get("entries").get(0).get("canonical").asString();
            assertThat(canonical).as(reader).contains("139****5678").doesNotContain("13912345678");
        }
        long otherDepartment = organization.departmentsOf(grid.district().code()).stream().map(OrgUnit::id)
                .filter(u -> u != department).findFirst().orElseThrow();
        String username = "dept-" + System.nanoTime();
        administration.create(people.actorOf("admin").orElseThrow(), new CreateUser(username, "另一部门处置人员", "Unsummoned-Dept-2026!",
                null, null, otherDepartment, Set.of(Role.HANDLER), false));
        call(get(entries).with(as(username)), 404);
    }
}
