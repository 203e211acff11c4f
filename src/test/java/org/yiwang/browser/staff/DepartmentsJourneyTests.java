package org.yiwang.browser.staff;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.DemoOrders;
import org.yiwang.people.DepartmentType;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of department can do its job in the screens: for each demo department that routing sends a category to
 * in the demo grid, an order is dispatched there, and its handler — signed in through the form — finds it from the
 * 工作台's 待签收 card and signs for it on the order page.
 */
class DepartmentsJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries queries;

    @Test
    void eachDepartmentsHandlerSignsForAnOrderDispatchedToThem() {
        DemoOrders demo = DemoOrders.of(context);
        Map<String, String> categoryOf = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        for (DepartmentType type : DepartmentType.values()) {
            String username = type == DepartmentType.URBAN_MANAGEMENT ? "handler" : handlerOf(type);
            if (username == null) {
                continue;
            }
            Optional<String> category = demo.categoryRoutedTo(username);
            if (category.isPresent()) {
                categoryOf.put(username, category.get());
            } else {
                without.add(username);
            }
        }
        System.out.printf("departments journey: %d handlers sign for a routed order %s; no routed category in the demo grid: %s%n",
                categoryOf.size(), categoryOf.keySet(), without);
        // the duty list sends most kinds of matter to their department; the rest reach them through the dispatcher
        assertThat(categoryOf).as("departments with a routed category (others: %s)", without).hasSizeGreaterThanOrEqualTo(8);

        for (Map.Entry<String, String> e : categoryOf.entrySet()) {
            String username = e.getKey();
            WorkOrder order = demo.dispatchedUnder(e.getValue(), "各部门签收检查：" + username + " 的工单");
            assertThat(order.status()).isEqualTo(WorkOrderStatus.DISPATCHED);
            browser.signIn(username);
            browser.click(By.cssSelector("#workbench a[href='/console/inbox?tab=dispatched']")).waitForPath("/console/inbox");
            browser.waitForText(order.number());
            browser.click(By.linkText(order.number()));
            browser.waitForPath("/console/orders/" + order.id());
            browser.click(By.cssSelector("#action-accept button[type=submit]"));
            assertThat(browser.flashSuccess()).as(username).contains("签收成功");
            assertThat(queries.get(order.id(), demo.actor("dispatcher")).status()).as(username).isEqualTo(WorkOrderStatus.ACCEPTED);
        }
        browser.screenshots("department-signed-for");
    }

    /** The demo handler of a department type (DemoPeople's naming), or null when the demo has none. */
    static String handlerOf(DepartmentType type) {
        return switch (type) {
            case MARKET_REGULATION -> "handler-market";
            case SANITATION -> "handler-sanitation";
            case HOUSING_CONSTRUCTION -> "handler-housing";
            case TRANSPORT -> "handler-transport";
            case POLICE_STATION -> "handler-police";
            case LAW_ENFORCEMENT -> "handler-enforcement";
            case WATER_AFFAIRS -> "handler-water";
            case EMERGENCY_MANAGEMENT -> "handler-emergency";
            case LANDSCAPING -> "handler-landscaping";
            case ECOLOGY_ENVIRONMENT -> "handler-ecology";
            case CIVIL_AFFAIRS -> "handler-civil";
            case HEALTH -> "handler-health";
            case EDUCATION -> "handler-education";
            case FIRE_RESCUE -> "handler-fire";
            case UTILITIES -> "handler-utilities";
            case OTHER -> "handler-hrss";
            default -> null;
        };
    }
}
