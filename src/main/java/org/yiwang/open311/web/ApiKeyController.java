package org.yiwang.open311.web;

import io.swagger.v3.oas.annotations.Operation;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    ResponseEntity<Map<String, Object>> issue(@RequestBody ApiKeys.NewKey body) {
        ApiKeys.IssuedKey issued = keys.issue(body, admin());
        Map<String, Object> view = view(issued.apiKey());
        view.put("key", issued.key());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/open311/keys/" + issued.apiKey().id())).body(view);
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return keys.list(admin()).stream().map(ApiKeyController::view).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> one(@PathVariable long id) {
        return view(keys.get(id, admin()));
    }

    @Operation(summary = "Change a key's client name, contact or rate limit (calls per minute)")
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> change(@PathVariable long id, @RequestBody ApiKeys.KeyChange body) {
        return view(keys.change(id, body, admin()));
    }

    @Operation(summary = "Revoke a key (it stops working at once; the record stays)")
    @DeleteMapping("/{id}")
    Map<String, Object> revoke(@PathVariable long id) {
        return view(keys.revoke(id, admin()));
    }

    private static Actor admin() {
        return Actors.requireAny(Role.ADMIN);
    }

    static Map<String, Object> view(ApiKey k) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", k.id());
        body.put("clientName", k.clientName());
        body.put("contact", k.contact());
        body.put("prefix", k.prefix());
        body.put("requestsPerMinute", k.requestsPerMinute());
        body.put("active", k.active());
        body.put("createdAt", Dates.format(k.createdAt()));
        body.put("revokedAt", Dates.format(k.revokedAt()));
        body.put("lastUsedAt", Dates.format(k.lastUsedAt()));
        return body;
    }
}
