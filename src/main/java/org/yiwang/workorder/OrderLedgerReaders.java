package org.yiwang.workorder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.ledger.Canonical;
import org.yiwang.ledger.SubjectReaders;
import org.yiwang.platform.Actor;
import org.yiwang.platform.PersonalData;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger entries of an order (stream {@value OrderJournal#LEDGER_STREAM}, subject its number) are read
 * by exactly those who may read the order ({@link WorkOrderQueries#mayRead}), with phone and ID numbers in
 * the notes masked as on the order's own pages. The entries' division code (the district) says nothing
 * about who handles the order, so the ledger's own scope check would open it to the whole district and
 * close it to the street that owns it.
 */
@Component
class OrderLedgerReaders implements SubjectReaders {

    private static final JsonMapper PARSER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final WorkOrders orders;
    private final WorkOrderQueries queries;
    private final JdbcClient jdbc;

    OrderLedgerReaders(WorkOrders orders, WorkOrderQueries queries, JdbcClient jdbc) {
        this.orders = orders;
        this.queries = queries;
        this.jdbc = jdbc;
    }

    @Override
    public String stream() {
        return OrderJournal.LEDGER_STREAM;
    }

    @Override
    public boolean mayRead(String number, Actor reader) {
        return jdbc.sql("select id from workorder_order where number = :number").param("number", number)
                .query(Long.class).optional()
                .flatMap(orders::findById)
                .filter(order -> queries.mayRead(reader, order))
                .isPresent();
    }

    @Override
    @SuppressWarnings("unchecked")
    public String shown(String canonical, Actor reader) {
        try {
            Map<String, Object> facts = new LinkedHashMap<>(PARSER.readValue(canonical, Map.class));
            if (facts.get("note") instanceof String note) {
                facts.put("note", PersonalData.maskText(note));
            }
            return Canonical.json(facts);
        } catch (JacksonException e) {
            throw new IllegalStateException("a ledger record of an order is not JSON", e);
        }
    }
}
