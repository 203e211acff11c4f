package org.yiwang.enforcement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.ledger.Canonical;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 执法事项清单 (editable by administrators, each change in the ledger) and the scenarios with their checklists. */
@Service
public class Catalogue {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Catalogue(JdbcClient jdbc, Ledger ledger, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every item, the active ones or all, by code. */
    public List<EnforcementItem> items(boolean activeOnly) {
        return jdbc.sql("SELECT * FROM enforcement_item" + (activeOnly ? " WHERE active" : "") + " ORDER BY code")
                .query(Catalogue::item).list();
    }

    public Optional<EnforcementItem> item(String code) {
        return jdbc.sql("SELECT * FROM enforcement_item WHERE code = :code").param("code", code).query(Catalogue::item).optional();
    }

    /** Adds an item or changes the one with its code (an administrator's edit of the list). */
    public EnforcementItem save(EnforcementItem item, Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                            INSERT INTO enforcement_item (code, matter, department, legal_basis, penalty_range, active, updated_at)
                            VALUES (:code, :matter, :department, :basis, :penalty, :active, :now)
                            ON CONFLICT (code) DO UPDATE SET matter = excluded.matter, department = excluded.department,
                                   legal_basis = excluded.legal_basis, penalty_range = excluded.penalty_range,
                                   active = excluded.active, updated_at = excluded.updated_at""")
                    .param("code", item.code()).param("matter", item.matter()).param("department", item.department().name())
                    .param("basis", item.legalBasis()).param("penalty", item.penaltyRange()).param("active", item.active())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("code", item.code());
            facts.put("matter", item.matter());
            facts.put("department", item.department().name());
            facts.put("active", item.active());
            ledger.append(new LedgerRecord("enforcement.item", item.code(), "32", "ITEM_SAVED", clock.instant(), actor.userId(),
                    Canonical.json(facts)));
        });
        return item(item.code()).orElseThrow();
    }

    public List<Scenario> scenarios() {
        return jdbc.sql("SELECT * FROM enforcement_scenario ORDER BY position").query(Catalogue::scenario).list();
    }

    public Optional<Scenario> scenario(String code) {
        return jdbc.sql("SELECT * FROM enforcement_scenario WHERE code = :code").param("code", code).query(Catalogue::scenario).optional();
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static EnforcementItem item(ResultSet rs, int row) throws SQLException {
        return new EnforcementItem(rs.getString("code"), rs.getString("matter"), Department.valueOf(rs.getString("department")),
                rs.getString("legal_basis"), rs.getString("penalty_range"), rs.getBoolean("active"));
    }

    private static Scenario scenario(ResultSet rs, int row) throws SQLException {
        return new Scenario(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), strings(rs, "checklist"),
                strings(rs, "items"));
    }
}
