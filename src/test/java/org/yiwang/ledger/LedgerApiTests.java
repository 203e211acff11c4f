package org.yiwang.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.platform.Role;

import java.time.Instant;
import java.util.Map;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasLength;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yiwang.ledger.LedgerActors.FUZIMIAO;
import static org.yiwang.ledger.LedgerActors.HONGHUA;

/** Who may verify the chain and read a subject's entries (a stream no module governs: by data scope). */
@LedgerSpringTest
class LedgerApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Ledger ledger;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void aWorkOrderInFuzimiaoWithThreeTransitions() {
        if (!ledger.entriesOf("sample", "WO-API-1", org.yiwang.platform.DataScope.everything(), 0, 1).isEmpty()) {
            return;
        }
        Instant at = Instant.parse("2025-03-01T08:00:00Z");
        transactions.executeWithoutResult(status -> {
            for (String kind : new String[]{"REPORTED", "FILED", "DISPATCHED"}) {
                ledger.append(LedgerRecord.of("sample", "WO-API-1", FUZIMIAO + "001", kind, at, 7, Map.of("to", kind)));
            }
        });
        ledger.seal();
    }

    @Test
    void aDispatcherOfTheStreetReadsTheSubjectsEntriesWithTheirHashes() throws Exception {
        mvc.perform(get("/api/ledger/sample/WO-API-1").with(authentication(LedgerActors.in(Role.DISPATCHER, FUZIMIAO))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(3))
                .andExpect(jsonPath("$.entries[0].kind").value("REPORTED"))
                .andExpect(jsonPath("$.entries[2].kind").value("DISPATCHED"))
                .andExpect(jsonPath("$.entries[2].canonical").value("{\"to\":\"DISPATCHED\"}"))
                .andExpect(jsonPath("$.entries[*].hash", everyItem(hasLength(64))))
                .andExpect(jsonPath("$.entries[*].prevHash", everyItem(hasLength(64))))
                .andExpect(jsonPath("$.next").doesNotExist());
    }

    @Test
    void aLongHistoryIsReadPageByPage() throws Exception {
        String first = mvc.perform(get("/api/ledger/sample/WO-API-1").param("limit", "2")
                        .with(authentication(LedgerActors.citywide(Role.LEADER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(2))
                .andExpect(jsonPath("$.next").isNumber())
                .andReturn().getResponse().getContentAsString();
        long next = tools.jackson.databind.json.JsonMapper.builder().build().readTree(first).get("next").asLong();
        mvc.perform(get("/api/ledger/sample/WO-API-1").param("after", String.valueOf(next))
                        .with(authentication(LedgerActors.citywide(Role.LEADER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].kind").value("DISPATCHED"));
    }

    @Test
    void aDispatcherOfAnotherStreetIsToldThereIsNothing() throws Exception {
        mvc.perform(get("/api/ledger/sample/WO-API-1").with(authentication(LedgerActors.in(Role.DISPATCHER, HONGHUA)))
                        .header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ledger.error.subjectNotFound"))
                .andExpect(jsonPath("$.detail").value("No ledger entries for sample WO-API-1 in your area"));
        mvc.perform(get("/api/ledger/sample/WO-NOBODY").with(authentication(LedgerActors.citywide(Role.ADMIN))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("您的管辖范围内没有 sample WO-NOBODY 的链上记录"));
    }

    @Test
    void residentsDoNotReadTheLedger() throws Exception {
        mvc.perform(get("/api/ledger/sample/WO-API-1").with(authentication(LedgerActors.resident())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/ledger/verify").with(authentication(LedgerActors.resident())))
                .andExpect(status().isForbidden());
    }

    @Test
    void nobodyReadsTheLedgerWithoutSigningIn() throws Exception {
        mvc.perform(get("/api/ledger/verify")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/ledger/sample/WO-API-1")).andExpect(status().isUnauthorized());
    }

    @Test
    void leadersAndAdministratorsVerifyTheChain() throws Exception {
        for (Role role : new Role[]{Role.LEADER, Role.ADMIN}) {
            mvc.perform(get("/api/ledger/verify").with(authentication(LedgerActors.in(role, FUZIMIAO))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(true))
                    .andExpect(jsonPath("$.length").isNumber())
                    .andExpect(jsonPath("$.headHash").value(hasLength(64)))
                    .andExpect(jsonPath("$.firstBreak").doesNotExist());
        }
        mvc.perform(get("/api/ledger/verify").with(authentication(LedgerActors.citywide(Role.DISPATCHER))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLimitOutsideItsRangeIsRefusedByName() throws Exception {
        mvc.perform(get("/api/ledger/sample/WO-API-1").param("limit", "0").header("Accept-Language", "en")
                        .with(authentication(LedgerActors.citywide(Role.ADMIN))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The limit must be between 1 and 1,000"));
    }
}
