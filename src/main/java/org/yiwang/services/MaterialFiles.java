package org.yiwang.services;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.platform.LocalizedException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Material files (申请材料) of applications: JPEG, PNG or PDF, the type sniffed from the bytes (never taken from the
 * client), at most {@code yiwang.services.max-file-size}. Unlike work-order photos they are kept in the database, in the
 * application's own transaction, so that a refused or rolled-back application leaves no file behind; a file is served
 * only to those who may see an application it belongs to.
 */
@Component
class MaterialFiles {

    private final JdbcClient jdbc;
    private final long maxBytes;

    MaterialFiles(JdbcClient jdbc, ServicesProperties properties) {
        this.jdbc = jdbc;
        this.maxBytes = properties.maxFileSize().toBytes();
    }

    record Stored(long id, String contentType, int size) {
    }


    /** Checks one upload before anything is stored: not empty, not too large, a known type; the refusal names the material. */
    String check(String material, byte[] bytes) {
        if (bytes.length == 0) {
            throw LocalizedException.badRequest("services.error.fileEmpty", material);
        }
        if (bytes.length > maxBytes) {
            throw new LocalizedException(HttpStatus.CONTENT_TOO_LARGE, "services.error.fileTooLarge", material, maxBytes / (1024 * 1024));
        }
        return sniff(bytes).orElseThrow(() -> LocalizedException.badRequest("services.error.fileType", material));
    }

    Stored store(String material, byte[] bytes, long uploader, Instant at) {
        String type = check(material, bytes);
        long id = jdbc.sql("""
                insert into services_file (sha256, content_type, size_bytes, bytes, uploaded_by, uploaded_at)
                values (:sha, :type, :size, :bytes, :by, :at) returning id
                """).param("sha", sha256(bytes)).param("type", type).param("size", bytes.length).param("bytes", bytes)
                .param("by", uploader).param("at", Timestamp.from(at)).query(Long.class).single();
        return new Stored(id, type, bytes.length);
    }

    Optional<Applications.FileData> read(long id) {
        return jdbc.sql("select content_type, bytes from services_file where id = :id").param("id", id)
                .query((rs, n) -> new Applications.FileData(rs.getString(1), rs.getBytes(2))).optional();
    }

    static Optional<String> sniff(byte @Nullable [] b) {
        if (b == null) {
            return Optional.empty();
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
