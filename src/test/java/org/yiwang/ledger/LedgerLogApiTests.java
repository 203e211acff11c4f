package org.yiwang.ledger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.platform.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Checkpoints and proofs over HTTP, checked the way an outside auditor would: the signature with the served
 * public key, proofs with an RFC 9162 verifier against the checkpoint's root.
 */
@LedgerSpringTest
class LedgerLogApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    Ledger ledger;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aSignedCheckpointVerifiesWithTheServedKeyAndProvesItsEntriesAndItsPredecessor() throws Exception {
        JsonNode first = signAfterAppending("WO-LOG-1", 3);
        JsonNode second = signAfterAppending("WO-LOG-2", 5);
        long size = second.get("size").asLong();
        assertThat(size).isGreaterThan(first.get("size").asLong());

        JsonNode key = read(get("/api/ledger/public-key").with(authentication(LedgerActors.resident())));
        Checkpoint checkpoint = JSON.treeToValue(second, Checkpoint.class);
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(CheckpointKey.publicKey(Base64.getDecoder().decode(key.get("x509").asString())));
        ed25519.update(checkpoint.text().getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Base64.getDecoder().decode(checkpoint.signature()))).isTrue();
        assertThat(key.get("keyId").asString()).isEqualTo(checkpoint.keyId());
        assertThat(read(get("/api/ledger/checkpoints/latest").with(authentication(LedgerActors.resident()))))
                .isEqualTo(second);
        assertThat(read(get("/api/ledger/checkpoints/" + first.get("size").asLong()).with(authentication(LedgerActors.resident()))))
                .isEqualTo(first);

        // the last entry, by its index, then by its leaf hash, in the latest checkpoint's tree
        JsonNode byIndex = read(get("/api/ledger/proofs/inclusion").param("index", String.valueOf(size - 1))
                .with(authentication(LedgerActors.resident())));
        assertThat(byIndex.get("treeSize").asLong()).isEqualTo(size);
        assertThat(byIndex.get("seq").asLong()).isEqualTo(size);
        assertThat(byIndex.get("checkpoint")).isEqualTo(second);
        assertThat(MerkleTree.verifyInclusion(size - 1, size, hex(byIndex.get("leafHash").asString()), hexes(byIndex.get("auditPath")),
                hex(checkpoint.rootHash()))).isTrue();
        JsonNode byLeaf = read(get("/api/ledger/proofs/inclusion").param("leaf", byIndex.get("leafHash").asString())
                .param("size", String.valueOf(size)).with(authentication(LedgerActors.resident())));
        assertThat(byLeaf).isEqualTo(byIndex);

        // a receipt: the leaf hash a subject's entry carries proves that entry is in the signed tree
        JsonNode entries = read(get("/api/ledger/logtest/WO-LOG-2").with(authentication(LedgerActors.in(Role.DISPATCHER,
                LedgerActors.FUZIMIAO))));
        JsonNode entry = entries.get("entries").get(4);
        JsonNode receipt = read(get("/api/ledger/proofs/inclusion").param("leaf", entry.get("leafHash").asString())
                .with(authentication(LedgerActors.resident())));
        assertThat(receipt.get("seq").asLong()).isEqualTo(entry.get("seq").asLong());
        assertThat(MerkleTree.verifyInclusion(receipt.get("index").asLong(), size, hex(entry.get("leafHash").asString()),
                hexes(receipt.get("auditPath")), hex(checkpoint.rootHash()))).isTrue();

        JsonNode consistency = read(get("/api/ledger/proofs/consistency").param("from", first.get("size").asString())
                .param("to", String.valueOf(size)).with(authentication(LedgerActors.resident())));
        assertThat(MerkleTree.verifyConsistency(first.get("size").asLong(), size, hex(first.get("rootHash").asString()),
                hex(checkpoint.rootHash()), hexes(consistency.get("path")))).isTrue();

        JsonNode verification = read(post("/api/ledger/verify/against").with(authentication(LedgerActors.citywide(Role.LEADER)))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(first)));
        assertThat(verification.get("outcome").asString()).isEqualTo("CONSISTENT");
    }

    @Test
    void badProofRequestsAreRefusedNamingTheParameter() throws Exception {
        signAfterAppending("WO-LOG-3", 1);
        mvc.perform(get("/api/ledger/proofs/inclusion").param("index", "0").param("leaf", "ab".repeat(32))
                        .with(authentication(LedgerActors.resident())).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Name the entry by exactly one of \"index\" or \"leaf\""));
        mvc.perform(get("/api/ledger/proofs/inclusion").param("leaf", "xyz")
                        .with(authentication(LedgerActors.resident())).header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("参数 leaf 须为十六进制 SHA-256 哈希（64 位）"));
        mvc.perform(get("/api/ledger/proofs/inclusion").param("leaf", "00".repeat(32))
                        .with(authentication(LedgerActors.resident())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/ledger/proofs/consistency").param("from", "5").param("to", String.valueOf(Long.MAX_VALUE))
                        .with(authentication(LedgerActors.resident())).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The tree size must be between 0 and ")));
        mvc.perform(get("/api/ledger/proofs/consistency").param("from", "5").param("to", "4")
                        .with(authentication(LedgerActors.resident())))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/ledger/verify/against").with(authentication(LedgerActors.citywide(Role.DISPATCHER))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"size\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/ledger/verify/against").with(authentication(LedgerActors.citywide(Role.LEADER))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"size\":1}").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The checkpoint must have origin, size, rootHash")));
        mvc.perform(post("/api/ledger/checkpoints").with(authentication(LedgerActors.citywide(Role.LEADER))).with(csrf()))
                .andExpect(status().isForbidden());
    }

    private JsonNode signAfterAppending(String subject, int records) throws Exception {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < records; i++) {
                ledger.append(LedgerRecord.of("logtest", subject, LedgerActors.FUZIMIAO + "001", "STEP" + i,
                        Instant.parse("2025-03-01T08:00:00Z"), 7, Map.of("i", i)));
            }
        });
        ledger.seal();
        return read(post("/api/ledger/checkpoints").with(authentication(LedgerActors.citywide(Role.ADMIN))).with(csrf()));
    }

    private JsonNode read(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static byte[] hex(String hex) {
        return ChainHash.HEX.parseHex(hex);
    }

    private static List<byte[]> hexes(JsonNode array) {
        List<byte[]> list = new ArrayList<>();
        array.forEach(node -> list.add(hex(node.asString())));
        return list;
    }
}
