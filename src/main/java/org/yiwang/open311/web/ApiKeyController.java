package org.yiwang.open311.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.open311.ApiKey;
import org.yiwang.open311.ApiKeys;
import org.yiwang.open311.georeport.Dates;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;

import java.net.URI;
import java.util.List;

/** Open311 API keys for administrators: issue (the key is shown once), list, change the rate, revoke. */
@RestController
@RequestMapping("/api/open311/keys")
@Tag(name = "Open311 API keys", description = "Open311 客户端密钥：签发、限流、吊销")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "Issue a key for a client application; the key is in this answer only")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<KeyView> issue(@RequestBody ApiKeys.NewKey body) {
        ApiKeys.IssuedKey issued = keys.issue(body, admin());
        KeyView view = view(issued.apiKey()).withKey(issued.key());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/open311/keys/" + issued.apiKey().id())).body(view);
    }

    @GetMapping
    List<KeyView> list() {
        return keys.list(admin()).stream().map(ApiKeyController::view).toList();
    }

    @GetMapping("/{id}")
    KeyView one(@PathVariable long id) {
        return view(keys.get(id, admin()));
    }

    @Operation(summary = "Change a key's client name, contact or rate limit (calls per minute)")
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    KeyView change(@PathVariable long id, @RequestBody ApiKeys.KeyChange body) {
        return view(keys.change(id, body, admin()));
    }

    @Operation(summary = "Revoke a key (it stops working at once; the record stays)")
    @DeleteMapping("/{id}")
    KeyView revoke(@PathVariable long id) {
        return view(keys.revoke(id, admin()));
    }

    private static Actor admin() {
        return Actors.requireAny(Role.ADMIN);
    }

    /** An API key without its secret; {@code key} (the secret) only in the answer that issues it. Times with +08:00. */
    @Schema(name = "Open311ApiKey")
    record KeyView(long id, String clientName, String contact, String prefix, int requestsPerMinute, boolean active,
                   String createdAt, String revokedAt, String lastUsedAt, String key) {

        KeyView withKey(String key) {
            return new KeyView(id, clientName, contact, prefix, requestsPerMinute, active, createdAt, revokedAt, lastUsedAt, key);
        }
    }

    static KeyView view(ApiKey k) {
        return new KeyView(k.id(), k.clientName(), k.contact(), k.prefix(), k.requestsPerMinute(), k.active(),
                Dates.format(k.createdAt()), Dates.format(k.revokedAt()), Dates.format(k.lastUsedAt()), null);
    }
}
