package org.yiwang.whistle;

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
 * The ledger entries of a whistle (stream {@value WhistleJournal#LEDGER_STREAM}, subject its number) are read
 * by exactly those who may read the whistle ({@link WhistlePolicy#canSee}: the street's territory and the
 * summoned departments), with phone and ID numbers in its reasons and notes masked. By the entries' street
 * code alone every department of the district would read every whistle of every street.
 */
@Component
class WhistleLedgerReaders implements SubjectReaders {

    private static final JsonMapper PARSER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Whistles whistles;
    private final JdbcClient jdbc;

    WhistleLedgerReaders(Whistles whistles, JdbcClient jdbc) {
        this.whistles = whistles;
        this.jdbc = jdbc;
    }

    @Override
    public String stream() {
        return WhistleJournal.LEDGER_STREAM;
    }

    @Override
    public boolean mayRead(String number, Actor reader) {
        return jdbc.sql("SELECT id FROM whistle WHERE number = :number").param("number", number)
                .query(Long.class).optional()
                .flatMap(whistles::find)
                .filter(whistle -> WhistlePolicy.canSee(reader, whistle))
                .isPresent();
    }

    @Override
    @SuppressWarnings("unchecked")
    public String shown(String canonical, Actor reader) {
        try {
            Map<String, Object> record = new LinkedHashMap<>(PARSER.readValue(canonical, Map.class));
            if (record.get("facts") instanceof Map<?, ?> facts) {
                Map<String, Object> masked = new LinkedHashMap<>((Map<String, Object>) facts);
                for (String key : new String[]{"note", "reason"}) {
                    if (masked.get(key) instanceof String text) {
                        masked.put(key, PersonalData.maskText(text));
                    }
                }
                record.put("facts", masked);
            }
            return Canonical.json(record);
        } catch (JacksonException e) {
            throw new IllegalStateException("a ledger record of a whistle is not JSON", e);
        }
    }
}
