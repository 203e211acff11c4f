package org.yiwang.residents.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yiwang.platform.ChinaTime;
import org.yiwang.residents.PublicReports;
import org.yiwang.residents.ResidentsProperties;

import java.time.LocalDate;

/**
 * 公开 — pages anyone may open without signing in: one report (masked, approved photos only, what was done), the map of
 * open and recently fixed problems, and the open-data downloads; only for districts that publish.
 */
@Controller
@RequestMapping("/public")
class PublicPages {

    private final PublicReports reports;
    private final PublicReportViews views;
    private final ResidentsProperties properties;
    private final java.time.Clock clock;

    PublicPages(PublicReports reports, PublicReportViews views, ResidentsProperties properties, java.time.Clock clock) {
        this.reports = reports;
        this.views = views;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/reports/{number}")
    String report(@PathVariable String number, Model model) {
        PublicReports.Row row = reports.byNumber(number);
        model.addAttribute("report", views.of(row.orderId()));
        return "residents/public-report";
    }

    @GetMapping({"", "/", "/map"})
    String map(Model model) {
        model.addAttribute("recentDays", properties.transparency().recentlyFixed().toDays());
        return "residents/public-map";
    }

    @GetMapping("/open-data")
    String openData(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        model.addAttribute("from", today.minusDays(30));
        model.addAttribute("to", today);
        model.addAttribute("enabled", properties.transparency().enabled());
        return "residents/open-data";
    }
}
