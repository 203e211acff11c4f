package org.yiwang.ledger;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerRecordTests {

    static final Instant AT = Instant.parse("2025-03-01T08:00:00.123456789Z");

    @Test
    void keepsTheTimeToTheMicrosecondAsPostgresDoes() {
        LedgerRecord record = LedgerRecord.of("workorder", "WO-2025-000042", "320104002", "DISPATCHED", AT, 7,
                Map.of("to", "DISPATCHED"));
        assertThat(record.at()).isEqualTo(Instant.parse("2025-03-01T08:00:00.123456Z"));
        assertThat(record.canonical()).isEqualTo("{\"to\":\"DISPATCHED\"}");
    }

    @Test
    void acceptsDivisionAndGridCodesAndTheSystemAsActor() {
        for (String code : new String[]{"32", "320104", "320104002", "320104002001", "320104002001A01"}) {
            new LedgerRecord("workorder", "42", code, "FILED", AT, 0, "{}");
        }
    }

    @Test
    void refusesTextThatIsNotCanonicalJson() {
        assertThatThrownBy(() -> new LedgerRecord("workorder", "42", "320104", "FILED", AT, 1, "{\"b\":1, \"a\":2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canonical");
        assertThatThrownBy(() -> new LedgerRecord("workorder", "42", "320104", "FILED", AT, 1, "not json"))
                .hasMessageContaining("canonical");
        assertThatThrownBy(() -> new LedgerRecord("workorder", "42", "320104", "FILED", AT, 1, null))
                .hasMessageContaining("canonical");
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> new LedgerRecord("Work Order", "42", "320104", "FILED", AT, 1, "{}")).hasMessageStartingWith("stream");
        assertThatThrownBy(() -> new LedgerRecord("workorder", "a/b", "320104", "FILED", AT, 1, "{}")).hasMessageStartingWith("subjectId");
        assertThatThrownBy(() -> new LedgerRecord("workorder", "", "320104", "FILED", AT, 1, "{}")).hasMessageStartingWith("subjectId");
        assertThatThrownBy(() -> new LedgerRecord("workorder", "42", "秦淮", "FILED", AT, 1, "{}")).hasMessageStartingWith("districtCode");
        assertThatThrownBy(() -> new LedgerRecord("workorder", "42", "320104", "filed by", AT, 1, "{}")).hasMessageStartingWith("kind");
        assertThatThrownBy(() -> new LedgerRecord("workorder", "42", "320104", "FILED", null, 1, "{}")).hasMessageStartingWith("at");
        assertThatThrownBy(() -> new LedgerRecord("workorder", "42", "320104", "FILED", Instant.MAX, 1, "{}")).hasMessageStartingWith("at");
        assertThatThrownBy(() -> new LedgerRecord("workorder", "42", "320104", "FILED", AT, -1, "{}")).hasMessageStartingWith("actorUserId");
    }

    @Test
    void hashesAnAgreedRecordThatOtherToolsCanRecompute() {
        String record = ChainHash.record(1, "workorder", "WO-1", "320104002", "FILED",
                Instant.parse("2025-03-01T00:00:00Z"), 7, "{\"to\":\"FILED\"}");
        assertThat(record).isEqualTo("{\"actor\":7,\"at\":\"2025-03-01T00:00:00.000000Z\",\"canonical\":{\"to\":\"FILED\"},"
                + "\"district\":\"320104002\",\"kind\":\"FILED\",\"seq\":1,\"stream\":\"workorder\",\"subject\":\"WO-1\"}");
        assertThat(Canonical.isCanonical(record)).isTrue();
        // python3 -c "import hashlib; print(hashlib.sha256(bytes(32) + record.encode()).hexdigest())"
        assertThat(ChainHash.hex(ChainHash.hash(ChainHash.sha256(), ChainHash.genesis(), record)))
                .isEqualTo("2969a294908a1122dd00caa31c68d1bc248470e437b3887260e4201eda1abe97");
    }
}
