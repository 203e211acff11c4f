package org.yiwang.workorder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.workorder.PhotoStore;
import org.yiwang.workorder.PhotoAccess;

import java.io.IOException;
import java.time.Duration;

/** Photos before and after: upload once, refer to them by id in reports and actions. */
@RestController
@RequestMapping("/api/photos")
@Tag(name = "Photos", description = "处置前后照片")
class PhotoController {

    private final PhotoStore photos;
    private final PhotoAccess access;

    PhotoController(PhotoStore photos, PhotoAccess access) {
        this.photos = photos;
        this.access = access;
    }

    /** A stored photo: its id to refer to in reports and actions, and where to fetch it. */
    @Schema(name = "UploadedPhoto")
    record Uploaded(String id, String contentType, int size, String url) {
    }

    @Operation(summary = "Upload a photo (JPEG, PNG, WebP or HEIC; type is read from the bytes)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Uploaded> upload(@RequestPart("file") MultipartFile file) throws IOException {
        Actor actor = Actors.require();
        PhotoStore.StoredPhoto stored = photos.store(file.getBytes(), actor.userId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Uploaded(stored.id(), stored.contentType(), stored.size(), "/api/photos/" + stored.id()));
    }

    @Operation(summary = "A photo, for those who may see an order it belongs to (or its uploader)")
    @GetMapping("/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String id) {
        Actor actor = Actors.require();
        PhotoStore.StoredPhoto stored = photos.find(id)
                .filter(p -> access.maySee(id, actor))
                .orElseThrow(() -> LocalizedException.notFound("workorder.error.photoNotFound", id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate())
                .eTag(id)
                .body(photos.read(id));
    }
}
