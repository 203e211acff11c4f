package org.yiwang.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * 专项行动 — what it registers (returning people, or sites), its colouring rules and the work it spawns per colour:
 * a visit or a check within so many hours.
 */
public record Campaign(String code, String nameZh, String nameEn, Kind kind, String description, LocalDate startsOn, LocalDate endsOn,
                       boolean active, List<CampaignRule> rules, List<Spawn> spawns) {

    public enum Kind { PEOPLE, SITES }

    /**
     * The work a record of this colour spawns: a task of this kind due within the hours — a visit or check handed to
     * the grid's worker (fieldwork), or a work order raised through the intake.
     */
    public record Spawn(Colour colour, TaskKind kind, int withinHours) {
    }

    /** 走访, 检查 (both the grid worker's, on their today page) or 工单 (a work order, done when it ends). */
    public enum TaskKind { VISIT, CHECK, ORDER }

    public Campaign {
        rules = List.copyOf(rules);
        spawns = List.copyOf(spawns);
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    public boolean runsOn(LocalDate day) {
        return active && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
