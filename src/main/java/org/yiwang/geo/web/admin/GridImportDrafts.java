package org.yiwang.geo.web.admin;

import org.springframework.stereotype.Component;
import org.yiwang.platform.YiwangProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Grid files that passed a dry run, kept in the data folder until the administrator applies them (or
 * for a day), so that "apply" imports exactly the file that was checked without uploading it again.
 * A draft belongs to the user who uploaded it.
 */
@Component
class GridImportDrafts {

    static final Duration KEEP = Duration.ofDays(1);

    private final Path folder;
    private final Clock clock;

    GridImportDrafts(YiwangProperties properties, Clock clock) {
        this.folder = Path.of(properties.dataDir(), "imports", "grids");
        this.clock = clock;
    }

    /** Keeps the file and answers the token to apply it with. */
    String keep(byte[] file, long userId) {
        try {
            Files.createDirectories(folder);
            forgetOld();
            String token = UUID.randomUUID().toString();
            Files.write(path(userId, token), file);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the grid file", e);
        }
    }

    /** The file kept under this token for this user, if it is still there. */
    Optional<byte[]> find(String token, long userId) {
        if (token == null || !token.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        Path path = path(userId, token);
        try {
            return Files.exists(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void forget(String token, long userId) {
        try {
            Files.deleteIfExists(path(userId, token));
        } catch (IOException ignored) {
            // removed with the old drafts later
        }
    }

    private Path path(long userId, String token) {
        return folder.resolve(userId + "-" + token + ".geojson");
    }

    private void forgetOld() throws IOException {
        FileTime before = FileTime.from(clock.instant().minus(KEEP));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).compareTo(before) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
