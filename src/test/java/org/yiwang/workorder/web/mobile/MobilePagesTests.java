package org.yiwang.workorder.web.mobile;

import org.yiwang.workorder.WorkOrderSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.CategorySuggester;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The resident and grid-worker pages, through the real intake and lifecycle, each within the reader's scope. */
@WorkOrderSpringTest
class MobilePagesTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired WorkOrderQueries queries;
    @Autowired CategorySuggester suggester;

    FieldOrders orders;

    @BeforeEach
    void fieldOrders() {
        orders = FieldOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** A second resident, who is not in the demo data. */
    static RequestPostProcessor anotherResident() {
        Actor actor = new Actor(987_654, "resident-2", "另一位居民", Set.of(Role.RESIDENT), null, null, DataScope.NONE, false);
        Actor.Source principal = () -> actor;
        return authentication(new TestingAuthenticationToken(principal, null, "ROLE_RESIDENT"));
    }

    long orderCount() {
        return jdbc.sql("select count(*) from workorder_order").query(Long.class).single();
    }

    static long idFrom(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/m/reports/\\d+/receipt");
        return Long.parseLong(location.replaceAll("\\D+", " ").trim().split(" ")[0]);
    }

    @Test
    void residentReportsWithAPhotoAndTheirLocationAndGetsAReceiptWithTheTrackingNumber() throws Exception {
        double[] p = FieldOrders.inside(orders.gridWorkersGrid());
        MvcResult created = mvc.perform(multipart("/m/report")
                        .file(new MockMultipartFile("photos", "camera.jpg", "image/jpeg", FieldOrders.JPEG))
                        .param("description", "小区门口井盖缺失").param("lat", String.valueOf(p[0])).param("lon", String.valueOf(p[1]))
                        .param("categoryCode", orders.handlerCategory()).param("requestId", "mobile-receipt-1")
                        .with(as("resident")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = idFrom(created);
        WorkOrder order = queries.get(id, orders.actor("resident"));
        assertThat(order.source()).isEqualTo(Source.RESIDENT);
        assertThat(order.gridCode()).isEqualTo(orders.gridWorkersGrid().code());

        mvc.perform(get("/m/reports/" + id + "/receipt").with(as("resident")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())))
                .andExpect(content().string(containsString("已收到您的上报")));
        mvc.perform(get("/m/reports/" + id).with(as("resident")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("处置前")))
                .andExpect(content().string(containsString("已派给")))
                .andExpect(content().string(containsString("处理时限")));
    }

    @Test
    void aDoubleTapOnSubmitCreatesOneOrder() throws Exception {
        double[] p = FieldOrders.inside(orders.gridWorkersGrid());
        long first = idFrom(mvc.perform(post("/m/report").param("description", "路灯不亮").param("lat", String.valueOf(p[0]))
                .param("lon", String.valueOf(p[1])).param("requestId", "double-tap").with(as("resident")).with(csrf())).andReturn());
        long before = orderCount();
        long second = idFrom(mvc.perform(post("/m/report").param("description", "路灯不亮").param("lat", String.valueOf(p[0]))
                .param("lon", String.valueOf(p[1])).param("requestId", "double-tap").with(as("resident")).with(csrf())).andReturn());
        assertThat(second).isEqualTo(first);
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void badInputOnTheReportFormIsRefusedInTheReadersLanguageAndCreatesNothing() throws Exception {
        double[] p = FieldOrders.inside(orders.gridWorkersGrid());
        long before = orderCount();
        mvc.perform(post("/m/report").param("description", " ").param("lat", String.valueOf(p[0])).param("lon", String.valueOf(p[1]))
                        .param("requestId", "bad-1").with(as("resident")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请描述问题")))
                .andExpect(content().string(containsString("m-field invalid")));
        mvc.perform(post("/m/report").param("description", "垃圾满溢").param("lat", "0").param("lon", "0")
                        .param("requestId", "bad-2").param("lang", "en").with(as("resident")).with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("is outside every grid")));
        mvc.perform(post("/m/report").param("description", "垃圾满溢").param("address", "火星基地")
                        .param("requestId", "bad-3").with(as("resident")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("无法根据地址“火星基地”定位")));
        mvc.perform(multipart("/m/report").file(new MockMultipartFile("photos", "x.txt", "image/jpeg", "not a photo".getBytes()))
                        .param("description", "垃圾满溢").param("lat", String.valueOf(p[0])).param("lon", String.valueOf(p[1]))
                        .param("requestId", "bad-4").with(as("resident")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("只接受 JPEG")));
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void aTypedAddressLocatesTheReportWhenThePhoneGivesNoPosition() throws Exception {
        IndexedGrid grid = orders.gridWorkersGrid();
        long id = idFrom(mvc.perform(post("/m/report").param("description", "道路破损")
                        .param("address", grid.grid().name() + " 东侧路口").param("requestId", "address-1")
                        .with(as("resident")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn());
        assertThat(queries.get(id, orders.actor("resident")).gridCode()).isEqualTo(grid.code());
        mvc.perform(get("/m/report/locate").param("address", grid.community().name()).with(as("resident")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"found\":true")));
    }

    @Test
    void aResidentSeesOnlyTheirOwnReports() throws Exception {
        WorkOrder mine = orders.reportedByResident("楼道堆物（我的）");
        WorkOrder patrol = orders.reportIn(orders.gridWorkersGrid(), "占道经营（巡查）", null, "gridworker", java.util.List.of());

        mvc.perform(get("/m/reports").with(as("resident")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(mine.number())))
                .andExpect(content().string(not(containsString(patrol.number()))));
        mvc.perform(get("/m/reports").with(anotherResident()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(mine.number()))))
                .andExpect(content().string(containsString("您还没有上报过问题")));
        mvc.perform(get("/m/reports/" + mine.id()).with(anotherResident()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(mine.number()))));
        mvc.perform(get("/m/reports/" + patrol.id()).with(as("resident"))).andExpect(status().isNotFound());
    }

    @Test
    void theResidentRatesTheResultOnceItIsClosedAndSeesTheHandlersAfterPhoto() throws Exception {
        WorkOrder closed = orders.closed("井盖松动");
        mvc.perform(get("/m/reports/" + closed.id()).with(as("resident")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请评价处理结果")))
                .andExpect(content().string(containsString("处置后")))
                .andExpect(content().string(containsString("已修复并清理现场")));
        mvc.perform(post("/m/reports/" + closed.id() + "/rating").with(as("resident")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择满意度")));
        mvc.perform(post("/m/reports/" + closed.id() + "/rating").param("satisfaction", "BASICALLY_SATISFIED")
                        .param("comment", "处理及时").with(as("resident")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        WorkOrder rated = queries.get(closed.id(), orders.actor("resident"));
        assertThat(rated.status()).isEqualTo(WorkOrderStatus.EVALUATED);
        assertThat(rated.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        mvc.perform(get("/m/reports/" + closed.id()).with(as("resident")))
                .andExpect(content().string(containsString("您的评价")))
                .andExpect(content().string(not(containsString("请评价处理结果"))));
    }

    @Test
    void theGridWorkerSeesTheOrderToCheckAndApprovesItOnSiteWithAPhoto() throws Exception {
        WorkOrder order = orders.waitingForOnSiteCheck("护栏损坏");
        mvc.perform(get("/m/grid").with(as("gridworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())))
                .andExpect(content().string(containsString("待核查")));
        mvc.perform(get("/m/grid/orders/" + order.id()).with(as("gridworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("核查通过")));
        mvc.perform(multipart("/m/grid/orders/" + order.id() + "/approve")
                        .file(new MockMultipartFile("photos", "site.jpg", "image/jpeg", FieldOrders.JPEG))
                        .param("note", "现场已恢复").with(as("gridworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        WorkOrderQueries.OrderDetail detail = queries.detail(order.id(), orders.actor("dispatcher"));
        assertThat(detail.order().verified()).isTrue();
        assertThat(detail.history().getLast().action()).isEqualTo(Action.APPROVE);
        assertThat(detail.history().getLast().photos()).hasSize(1);
        assertThat(detail.allowedActions()).contains(Action.CLOSE);
    }

    @Test
    void reworkNeedsAReasonAndSendsTheOrderBackToTheUnit() throws Exception {
        WorkOrder order = orders.waitingForOnSiteCheck("路面坑洼");
        mvc.perform(multipart("/m/grid/orders/" + order.id() + "/rework").param("note", "").with(as("gridworker")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写原因或说明")));
        mvc.perform(multipart("/m/grid/orders/" + order.id() + "/rework").param("note", "坑洼仍在")
                        .with(as("gridworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(queries.get(order.id(), orders.actor("dispatcher")).status()).isEqualTo(WorkOrderStatus.DISPATCHED);
    }

    @Test
    void theGridWorkerClosesASmallMatterOnTheSpot() throws Exception {
        double[] p = FieldOrders.inside(orders.gridWorkersGrid());
        long id = idFrom(mvc.perform(multipart("/m/report")
                        .file(new MockMultipartFile("photos", "spot.jpg", "image/jpeg", FieldOrders.JPEG))
                        .param("description", "路边散落垃圾").param("categoryCode", orders.smallMatter().code())
                        .param("lat", String.valueOf(p[0])).param("lon", String.valueOf(p[1]))
                        .param("closeOnSpot", "true").param("spotNote", "已当场清理").param("requestId", "spot-1")
                        .with(as("gridworker")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn());
        WorkOrderQueries.OrderDetail detail = queries.detail(id, orders.actor("gridworker"));
        assertThat(detail.order().status()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(detail.order().source()).isEqualTo(Source.GRID_PATROL);
        assertThat(detail.history()).extracting(t -> t.action()).containsExactly(Action.REPORT, Action.CLOSE_ON_SPOT);
        mvc.perform(get("/m/reports/" + id + "/receipt").with(as("gridworker")))
                .andExpect(content().string(containsString("已现场处理并办结")));

        long before = orderCount();
        mvc.perform(post("/m/report").param("description", "违章搭建").param("categoryCode", orders.notSmallMatter().code())
                        .param("lat", String.valueOf(p[0])).param("lon", String.valueOf(p[1]))
                        .param("closeOnSpot", "true").param("spotNote", "已处理").param("requestId", "spot-2")
                        .with(as("gridworker")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("只有已分类的小事项可以即发即处")));
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void onlyAGridWorkerOnPatrolMayCloseOnTheSpot() {
        double[] p = FieldOrders.inside(orders.gridWorkersGrid());
        org.yiwang.workorder.ReportProblem report = new org.yiwang.workorder.ReportProblem("散落垃圾", orders.smallMatter().code(),
                p[0], p[1], null, null, null, null, null, null, java.util.List.of(), "spot-resident");
        long before = orderCount();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(org.yiwang.workorder.Intake.class)
                        .reportClosedOnSpot(report, "已清理", orders.actor("resident")))
                .isInstanceOfSatisfying(org.yiwang.platform.LocalizedException.class,
                        e -> assertThat(e.status().value()).isEqualTo(403));
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void theSorterSuggestsCategoriesForTheDescriptionTypedSoFar() throws Exception {
        String text = "人行道上的井盖缺失了，晚上走路很危险";
        java.util.List<CategorySuggester.Suggestion> expected = suggester.suggest(text, 3);
        assertThat(expected).isNotEmpty();
        String fragment = mvc.perform(get("/m/report/suggestions").param("description", text).with(as("resident")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(fragment).contains("智能推荐类别").contains("data-code=\"" + expected.getFirst().categoryCode() + "\"")
                .contains(Math.round(expected.getFirst().confidence() * 100) + "%");
        // too little text says nothing; nobody signed in gets nothing
        mvc.perform(get("/m/report/suggestions").param("description", "井盖").with(as("resident")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString("cat-option"))));
        mvc.perform(get("/m/report/suggestions").param("description", text))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theCategoryTreeIsSearchedByKeyword() throws Exception {
        mvc.perform(get("/m/report/categories").param("q", "井盖").with(as("resident")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("井盖")))
                .andExpect(content().string(containsString("cat-option")));
        mvc.perform(get("/m/report").with(as("resident")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("capture=\"environment\"")))
                .andExpect(content().string(containsString("随手拍")));
    }

    @Test
    void onlyGridWorkersHaveAGridPage() throws Exception {
        mvc.perform(get("/m/grid").with(as("resident"))).andExpect(status().isForbidden());
        mvc.perform(get("/m").with(as("gridworker"))).andExpect(status().is3xxRedirection());
    }
}
