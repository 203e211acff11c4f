package org.yiwang.ledger;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * How an entry is hashed. Kept in one place because the sealer and the verifier (and anyone checking
 * the chain with other tools) must agree to the byte.
 */
final class ChainHash {

    static final int LENGTH = 32;
    static final HexFormat HEX = HexFormat.of();
    static final String GENESIS_HEX = "0".repeat(LENGTH * 2);

    private static final SQLExceptionTranslator SQL_ERRORS = new SQLStateSQLExceptionTranslator();
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ChainHash() {
    }

    static byte[] genesis() {
        return new byte[LENGTH];
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The record an entry's hash covers, as canonical JSON with the caller's canonical facts embedded
     * as they are: {@code {"actor":7,"at":"2025-03-01T08:00:00.000000Z","canonical":{...},
     * "district":"320104002","kind":"DISPATCHED","seq":42,"stream":"workorder","subject":"WO-1"}}.
     */
    static String record(long seq, String stream, String subjectId, String districtCode, String kind, Instant at,
                         long actorUserId, String canonical) {
        return new StringBuilder(canonical.length() + 200)
                .append("{\"actor\":").append(actorUserId)
                .append(",\"at\":\"").append(AT.format(at)).append('"')
                .append(",\"canonical\":").append(canonical)
                .append(",\"district\":").append(Canonical.quote(districtCode))
                .append(",\"kind\":").append(Canonical.quote(kind))
                .append(",\"seq\":").append(seq)
                .append(",\"stream\":").append(Canonical.quote(stream))
                .append(",\"subject\":").append(Canonical.quote(subjectId))
                .append('}')
                .toString();
    }

    /** SHA-256 over the previous hash's 32 bytes followed by the record's UTF-8 bytes. */
    static byte[] hash(MessageDigest digest, byte[] prevHash, String record) {
        return hash(digest, prevHash, record.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hash(MessageDigest digest, byte[] prevHash, byte[] record) {
        digest.reset();
        digest.update(prevHash);
        return digest.digest(record);
    }

    static DataAccessException translate(String task, SQLException e) {
        DataAccessException translated = SQL_ERRORS.translate(task, null, e);
        return translated != null ? translated : new DataAccessResourceFailureException(task, e);
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }
}
