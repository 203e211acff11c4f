package org.yiwang.residents;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.catalog.Catalog;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.notify.Notifications;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Supporters;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderSpringTest;
import org.yiwang.workorder.WorkOrderTransitioned;
import org.yiwang.workorder.web.mobile.FieldOrders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 关注, public pages, photo review and open data: through the real intake, lifecycle and journal. */
@WorkOrderSpringTest
class ResidentsTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Follows follows;
    @Autowired Supporters supporters;
    @Autowired Notifications notifications;
    @Autowired GridLocator grids;
    @Autowired Catalog catalog;
    @Autowired WorkOrderQueries queries;
    @Autowired OpenData openData;
    @Autowired Clock clock;
    @Autowired org.yiwang.people.People people;

    FieldOrders orders;

    @BeforeEach
    void fieldOrders() {
        orders = FieldOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    static Actor residentActor(long id) {
        return new Actor(id, "resident-" + id, "居民" + id, Set.of(Role.RESIDENT), null, null, DataScope.NONE, false);
    }

    static RequestPostProcessor resident(long id) {
        Actor actor = residentActor(id);
        Actor.Source principal = () -> actor;
        return authentication(new TestingAuthenticationToken(principal, null, "ROLE_RESIDENT"));
    }

    static long someone() {
        return 800_000 + ThreadLocalRandom.current().nextLong(90_000);
    }

    /** A report by the grid worker (not by the resident who follows it), dispatched to the handler. */
    WorkOrder reportedByGridWorker(String description) {
        return orders.reportIn(orders.gridWorkersGrid(), description, orders.handlerCategory(), "gridworker", List.of());
    }

    long inbox(long userId, String key, String link) {
        return jdbc.sql("select count(*) from notify_inbox where user_id = :u and template_key = :k and link = :l")
                .param("u", userId).param("k", key).param("l", link).query(Long.class).single();
    }

    JsonNode follow(RequestPostProcessor who, String body, int expected) throws Exception {
        String answer = mvc.perform(post("/api/residents/follows").with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return answer.isEmpty() ? null : json.readTree(answer);
    }

    @Test
    void residentFollowsAReportOnceAndHearsOfItsSteps() throws Exception {
        WorkOrder order = reportedByGridWorker("小区门口路灯不亮");
        long me = someone();
        JsonNode first = follow(resident(me), "{\"orderId\":" + order.id() + "}", 201);
        JsonNode again = follow(resident(me), "{\"orderId\":" + order.id() + "}", 200);
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(jdbc.sql("select count(*) from residents_follow where user_id = :u").param("u", me).query(Long.class).single()).isEqualTo(1);

        orders.act(order, Action.ACCEPT, ActOnOrder.note(null), "handler");
        String link = "/m/follows/orders/" + order.id();
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox(me, "residents.notice.order.ACCEPT", link) == 1);
        // in the style of a government service message, in the reader's language
        var page = notifications.inbox(me, false, 0, 10, java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(page.toString()).contains("【一网】您关注的问题（受理编号 " + order.number() + "）责任单位已签收，正在办理。");
        // the handler who acted is not told of their own step; SMS is off by default
        assertThat(jdbc.sql("select count(*) from notify_outbox where user_id = :u").param("u", me).query(Long.class).single()).isZero();
    }

    @Test
    void supportersHearOfTheStepsOfWhatTheySupported() throws Exception {
        WorkOrder order = reportedByGridWorker("楼道堆放杂物");
        long neighbour = someone();
        supporters.support(order.id(), residentActor(neighbour));
        orders.act(order, Action.ACCEPT, ActOnOrder.note(null), "handler");
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox(neighbour, "residents.notice.order.ACCEPT", "/m/follows/orders/" + order.id()) == 1);
    }

    @Test
    void aGridFollowerHearsOfNewProblemsThere() throws Exception {
        IndexedGrid grid = orders.gridWorkersGrid();
        long me = someone();
        JsonNode f = follow(resident(me), "{\"gridCode\":\"" + grid.code() + "\"}", 201);
        assertThat(f.get("kind").asString()).isEqualTo("GRID");
        assertThat(f.get("label").asString()).isEqualTo(grid.grid().name());
        WorkOrder order = reportedByGridWorker("井盖破损");
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox(me, "residents.notice.grid.REPORTED", "/m/follows/orders/" + order.id()) == 1);
        // and stops hearing once unfollowed
        mvc.perform(delete("/api/residents/follows/" + f.get("id").asLong()).with(resident(me)).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(delete("/api/residents/follows/" + f.get("id").asLong()).with(resident(me)).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void smsGoesThroughTheOutboxOnlyWhereConfiguredAndAskedFor() {
        WorkOrder order = reportedByGridWorker("绿化带垃圾");
        long wantsSms = people.findByUsername("resident").orElseThrow().id(); // a demo user with a phone number
        long inboxOnly = someone();
        jdbc.sql("insert into residents_follow (user_id, order_id, district_code, sms, created_at) values (:u, :o, :d, true, now()), (:v, :o, :d, false, now())")
                .param("u", wantsSms).param("v", inboxOnly).param("o", order.id()).param("d", order.districtCode()).update();
        WorkOrderTransitioned step = new WorkOrderTransitioned(order.id(), order.number(), order.districtCode(), order.gridCode(), Action.CLOSE,
                org.yiwang.workorder.WorkOrderStatus.VERIFYING, org.yiwang.workorder.WorkOrderStatus.CLOSED, 1, clock.instant(), order.categoryCode(),
                order.urgency(), order.source(), order.reporterUserId(), null, null, List.of(), null, null, null, false, false, 0);
        var off = new ResidentsProperties(false, new ResidentsProperties.Transparency(true, List.of(), Duration.ofDays(30), true, ""));
        new FollowNotices(follows, supporters, notifications, grids, catalog, off).apply(List.of(new WorkOrderJournaled(List.of(step))));
        assertThat(outbox(wantsSms, order)).isZero();
        var on = new ResidentsProperties(true, off.transparency());
        WorkOrderTransitioned later = new WorkOrderTransitioned(step.orderId(), step.number(), step.districtCode(), step.gridCode(), Action.REOPEN,
                step.to(), org.yiwang.workorder.WorkOrderStatus.REGISTERED, 1, clock.instant().plusSeconds(1), step.categoryCode(), step.urgency(),
                step.source(), step.reporterUserId(), null, null, List.of(), null, null, null, false, false, 0);
        new FollowNotices(follows, supporters, notifications, grids, catalog, on).apply(List.of(new WorkOrderJournaled(List.of(later))));
        assertThat(outbox(wantsSms, order)).isEqualTo(1);
        assertThat(outbox(inboxOnly, order)).isZero();
        assertThat(inbox(inboxOnly, "residents.notice.order.REOPEN", "/m/follows/orders/" + order.id())).isEqualTo(1);
    }

    long outbox(long userId, WorkOrder order) {
        return jdbc.sql("select count(*) from notify_outbox where user_id = :u and channel = 'SMS' and link = :l")
                .param("u", userId).param("l", "/m/follows/orders/" + order.id()).query(Long.class).single();
    }

    @Test
    void onlyResidentsFollowAndBadTargetsAreRefusedNamingTheField() throws Exception {
        WorkOrder order = reportedByGridWorker("占道经营");
        JsonNode staff = follow(as("dispatcher"), "{\"orderId\":" + order.id() + "}", 403);
        assertThat(staff.get("code").asString()).isEqualTo("residents.error.residentsOnly");
        JsonNode grid = follow(resident(someone()), "{\"gridCode\":\"999999999999999\"}", 400);
        assertThat(grid.get("detail").asString()).contains("gridCode");
        JsonNode both = follow(resident(someone()), "{\"orderId\":" + order.id() + ",\"gridCode\":\"x\"}", 400);
        assertThat(both.get("code").asString()).isEqualTo("residents.error.oneTarget");
        follow(resident(someone()), "{\"orderId\":999999999}", 404);
    }

    @Test
    void thePublicPageShowsWhatWasDoneMaskedAndPhotosOnlyAfterReview() throws Exception {
        String before = orders.photo("resident");
        WorkOrder order = orders.reportIn(orders.gridWorkersGrid(), "垃圾桶满溢，联系电话 13912345678", orders.handlerCategory(), "resident", List.of(before));
        orders.act(order, Action.ACCEPT, ActOnOrder.note(null), "handler");
        orders.act(order, Action.HANDLE, ActOnOrder.note("已清运，回访电话 13800001111"), "handler");
        String url = "/public/reports/" + order.number();
        await().atMost(Duration.ofSeconds(15)).until(() -> mvc.perform(get(url)).andReturn().getResponse().getStatus() == 200);
        mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())))
                .andExpect(content().string(containsString("已清运")))
                .andExpect(content().string(not(containsString("13912345678"))))
                .andExpect(content().string(not(containsString("13800001111"))))
                .andExpect(content().string(not(containsString("周敏"))))
                .andExpect(content().string(not(containsString(before))));
        mvc.perform(get("/public/photos/" + order.id() + "/" + before)).andExpect(status().isNotFound());

        // a dispatcher of another street cannot review it; the street's dispatcher publishes it
        mvc.perform(post("/residents/photos/review").with(as("dispatcher-honghua")).with(csrf())
                .param("orderId", String.valueOf(order.id())).param("photoId", before).param("approved", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/residents/photos").with(as("dispatcher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())));
        mvc.perform(post("/residents/photos/review").with(as("dispatcher")).with(csrf())
                        .param("orderId", String.valueOf(order.id())).param("photoId", before).param("approved", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(url)).andExpect(content().string(containsString("/public/photos/" + order.id() + "/" + before)));
        mvc.perform(get("/public/photos/" + order.id() + "/" + before)).andExpect(status().isOk());
    }

    @Test
    void aDistrictThatDoesNotPublishAnswersNotFound() throws Exception {
        WorkOrder order = reportedByGridWorker("共享单车乱停");
        await().atMost(Duration.ofSeconds(15)).until(() -> mvc.perform(get("/public/reports/" + order.number())).andReturn().getResponse().getStatus() == 200);
        var elsewhere = new ResidentsProperties(false, new ResidentsProperties.Transparency(true, List.of("320105"), Duration.ofDays(30), true, ""));
        PublicReports other = new PublicReports(jdbc, queries, elsewhere, clock);
        assertThatThrownBy(() -> other.byNumber(order.number())).isInstanceOf(LocalizedException.class);
        assertThat(other.map()).noneMatch(r -> r.orderId() == order.id());
        assertThatThrownBy(() -> new ResidentsProperties.Transparency(true, List.of("32"), Duration.ofDays(1), true, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openDataHasTheReportsWithoutPersonalData() throws Exception {
        WorkOrder order = orders.reportIn(orders.gridWorkersGrid(), "路面塌陷，13912345678 张三", orders.handlerCategory(), "resident", List.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from residents_public_report where order_id = :o")
                .param("o", order.id()).query(Long.class).single() == 1);
        String today = LocalDate.now(clock.withZone(org.yiwang.platform.ChinaTime.ZONE)).toString();
        String csv = mvc.perform(get("/public/open-data/reports.csv").param("from", today).param("to", today))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("number,district_code,street_code,grid_code,category_code,category,status,reported_at,closed_at,lat,lon");
        assertThat(csv).contains(order.number()).doesNotContain("13912345678").doesNotContain("张三").doesNotContain("塌陷");
        String geo = mvc.perform(get("/public/open-data/reports.geojson").param("from", today).param("to", today))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode collection = json.readTree(geo);
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        boolean found = false;
        for (JsonNode feature : collection.get("features")) {
            if (feature.get("properties").get("number").asString().equals(order.number())) {
                found = true;
                assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(order.lon(), org.assertj.core.data.Offset.offset(0.0001));
            }
        }
        assertThat(found).isTrue();
        mvc.perform(get("/public/open-data/reports.csv").param("from", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("from")));
        mvc.perform(get("/public/open-data/reports.csv").param("from", "2020-01-01").param("to", today))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("residents.error.periodTooLong")));

        Path file = openData.writeDay(LocalDate.parse(today));
        assertThat(Files.readString(file)).contains(order.number());
        assertThat(file.resolveSibling("reports-" + today + ".geojson")).exists();
    }

    @Test
    void thePhonePagesAreAnInstallableAppWithAServiceWorker() throws Exception {
        mvc.perform(get("/m/manifest.webmanifest")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/manifest+json")))
                .andExpect(content().string(containsString("\"start_url\":\"/m/report\"")))
                .andExpect(content().string(containsString("/m/icons/icon-512.png")));
        mvc.perform(get("/m/sw.js")).andExpect(status().isOk()).andExpect(content().string(containsString("caches.open")));
        mvc.perform(get("/m/icons/icon-192.png")).andExpect(status().isOk());
        mvc.perform(get("/m/report").with(as("resident"))).andExpect(content().string(containsString("manifest.webmanifest")))
                .andExpect(content().string(containsString("js/mobile/offline.js")));
    }

    @Test
    void onlyStaffReviewPhotos() throws Exception {
        WorkOrder order = orders.reportIn(orders.gridWorkersGrid(), "广告牌松动", orders.handlerCategory(), "resident",
                List.of(orders.photo("resident")));
        mvc.perform(post("/residents/photos/review").with(as("resident")).with(csrf())
                        .param("orderId", String.valueOf(order.id())).param("photoId", "x").param("approved", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/residents/photos").with(as("handler"))).andExpect(status().isForbidden());
        mvc.perform(post("/residents/photos/review").with(as("dispatcher")).with(csrf())
                        .param("orderId", String.valueOf(order.id())).param("photoId", "not-its-photo").param("approved", "true"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("photoId")));
        assertThat(jdbc.sql("select count(*) from residents_photo_review where order_id = :o").param("o", order.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePublicMapShowsOpenProblemsWithoutSigningIn() throws Exception {
        WorkOrder order = reportedByGridWorker("消防栓漏水");
        await().atMost(Duration.ofSeconds(15)).until(() -> mvc.perform(get("/public/map/points")).andReturn().getResponse()
                .getContentAsString().contains(order.number()));
        mvc.perform(get("/public/map")).andExpect(status().isOk()).andExpect(content().string(containsString("问题地图")));
    }

    @Test
    void aResidentFollowsFromTheReportPageAndStopsFromTheList() throws Exception {
        WorkOrder order = reportedByGridWorker("健身器材损坏");
        long me = someone();
        mvc.perform(get("/m/follows/orders/" + order.id()).with(resident(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("关注此问题")));
        mvc.perform(post("/m/follows/orders/" + order.id()).with(resident(me)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/m/follows/orders/" + order.id()).with(resident(me)))
                .andExpect(content().string(containsString("您已关注此问题")));
        long id = follows.mine(residentActor(me)).getFirst().id();
        mvc.perform(get("/m/follows").with(resident(me))).andExpect(content().string(containsString(order.number())));
        mvc.perform(post("/m/follows/" + id + "/delete").with(resident(me)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(follows.mine(residentActor(me))).isEmpty();
        // someone else's follow is not theirs to end
        follows.followOrder(order.id(), false, residentActor(me));
        long mine = follows.mine(residentActor(me)).getFirst().id();
        mvc.perform(post("/m/follows/" + mine + "/delete").with(resident(me + 1)).with(csrf())).andExpect(status().isNotFound());
    }
}
