package org.yiwang.workorder;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.YiwangProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Photos before and after (处置前后照片), stored on disk by the SHA-256 of their bytes: the same
 * picture uploaded twice is kept once. The type is sniffed from the bytes, never taken from the
 * client, and the file is on disk (fsync'ed) before anyone can refer to it.
 */
@Component
public class PhotoStore {

    private final Path folder;
    private final long maxBytes;
    private final JdbcClient jdbc;
    private final Clock clock;

    PhotoStore(YiwangProperties properties, WorkOrderProperties settings, JdbcClient jdbc, Clock clock) {
        String folder = settings.photos().folder();
        this.folder = folder.isBlank() ? Path.of(properties.dataDir(), "photos") : Path.of(folder);
        this.maxBytes = settings.photos().maxBytes();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored photo's id (its SHA-256) and type. */
    public record StoredPhoto(String id, String contentType, int size) {
    }

    /** Stores the bytes of one photo; the id is their SHA-256 in hex. */
    public StoredPhoto store(byte[] bytes, long uploaderUserId) {
        return upload(bytes, uploaderUserId).photo();
    }

    /**
     * A photo stored by one request: whether that request was the first to store these bytes, and whether it made
     * {@code uploader} one of their uploaders.
     */
    public record Upload(StoredPhoto photo, boolean isNew, long uploader, boolean newUploader) {
    }

    /** Stores the bytes of one photo and tells whether they were new, so that a refused request can take them back. */
    public Upload upload(byte[] bytes, long uploaderUserId) {
        if (bytes == null || bytes.length == 0) {
            throw LocalizedException.badRequest("workorder.error.photoEmpty");
        }
        if (bytes.length > maxBytes) {
            throw new LocalizedException(HttpStatus.CONTENT_TOO_LARGE, "workorder.error.photoTooLarge", maxBytes / (1024 * 1024));
        }
        String type = sniff(bytes).orElseThrow(() -> LocalizedException.badRequest("workorder.error.photoType"));
        String id = sha256(bytes);
        Path target = pathOf(id);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(target.getParent(), id, ".part");
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.write(java.nio.ByteBuffer.wrap(bytes));
                    channel.force(true);
                }
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store photo " + id, e);
        }
        int inserted = jdbc.sql("""
                insert into workorder_photo (sha256, content_type, size_bytes, uploaded_by, uploaded_at)
                values (:id, :type, :size, :by, :at) on conflict (sha256) do nothing
                """)
                .param("id", id).param("type", type).param("size", bytes.length)
                .param("by", uploaderUserId).param("at", Timestamp.from(clock.instant()))
                .update();
        int newUploader = jdbc.sql("""
                insert into workorder_photo_uploader (sha256, user_id, uploaded_at)
                values (:id, :by, :at) on conflict do nothing
                """)
                .param("id", id).param("by", uploaderUserId).param("at", Timestamp.from(clock.instant()))
                .update();
        return new Upload(new StoredPhoto(id, type, bytes.length), inserted == 1, uploaderUserId, newUploader == 1);
    }

    /**
     * Takes back what a refused request stored: the uploader's claim on the photo if the request made it, and
     * the photo itself if the request stored it first and no transition refers to it (the same bytes uploaded
     * before, or used meanwhile, stay). Rows and file go; nothing is left half-written.
     */
    public void discard(java.util.List<Upload> uploads) {
        for (Upload upload : uploads) {
            String id = upload.photo().id();
            if (upload.newUploader()) {
                jdbc.sql("delete from workorder_photo_uploader where sha256 = :id and user_id = :by")
                        .param("id", id).param("by", upload.uploader()).update();
            }
            if (!upload.isNew()) {
                continue;
            }
            int deleted = jdbc.sql("""
                    delete from workorder_photo p where p.sha256 = :id
                       and not exists (select 1 from workorder_transition t where t.photos @> array[cast(:id as varchar(64))])
                       and not exists (select 1 from workorder_photo_uploader u where u.sha256 = :id)
                    """).param("id", id).update();
            if (deleted == 1) {
                try {
                    Files.deleteIfExists(pathOf(id));
                } catch (IOException e) {
                    throw new UncheckedIOException("could not remove photo " + id, e);
                }
            }
        }
    }

    public Optional<StoredPhoto> find(String id) {
        if (id == null || !id.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return jdbc.sql("select sha256, content_type, size_bytes from workorder_photo where sha256 = :id")
                .param("id", id)
                .query((rs, n) -> new StoredPhoto(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    public byte[] read(String id) {
        try {
            return Files.readAllBytes(pathOf(id));
        } catch (IOException e) {
            throw LocalizedException.notFound("workorder.error.photoNotFound", id);
        }
    }

    /**
     * Fails with a 400 naming the first id that is not a photo {@code author} uploaded: a photo's id is its
     * SHA-256, which anyone who has the picture can compute, so knowing it grants nothing.
     */
    void requireAll(java.util.List<String> ids, Actor author) {
        for (String id : ids) {
            if (find(id).isEmpty() || !(author.isSystem() || uploadedBy(id, author.userId()))) {
                throw LocalizedException.badRequest("workorder.error.photoUnknown", id);
            }
        }
    }

    /** Whether this user uploaded these bytes (first or again). */
    boolean uploadedBy(String id, long userId) {
        return jdbc.sql("select exists (select 1 from workorder_photo_uploader where sha256 = :id and user_id = :me)")
                .param("id", id).param("me", userId).query(Boolean.class).single();
    }

    private Path pathOf(String id) {
        return folder.resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
    }

    static Optional<String> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (brand.startsWith("heic") || brand.startsWith("heix") || brand.startsWith("mif1") || brand.startsWith("heim")) {
                return Optional.of("image/heic");
            }
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
