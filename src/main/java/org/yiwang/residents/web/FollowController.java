package org.yiwang.residents.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.residents.Follows;

import java.util.List;

/** 关注 as JSON: a resident's follows of reports and grids. */
@RestController
@RequestMapping("/api/residents/follows")
@Tag(name = "Residents", description = "居民：关注、公开、开放数据")
class FollowController {

    private final Follows follows;

    FollowController(Follows follows) {
        this.follows = follows;
    }

    /** Follow a report ({@code orderId}) or a grid ({@code gridCode}), one of the two. */
    record FollowRequest(Long orderId, String gridCode, Boolean sms) {
    }

    @Operation(operationId = "listFollows", summary = "Your follows, newest first")
    @GetMapping
    List<Follows.Follow> mine() {
        return follows.mine(Actors.require());
    }

    @Operation(operationId = "follow", summary = "Follow a report or a grid; following again answers the same follow (200)")
    @PostMapping
    ResponseEntity<Follows.Follow> follow(@RequestBody(required = false) FollowRequest body) {
        Actor actor = Actors.require();
        if (body == null || (body.orderId() == null) == (body.gridCode() == null || body.gridCode().isBlank())) {
            throw LocalizedException.badRequest("residents.error.oneTarget");
        }
        boolean sms = Boolean.TRUE.equals(body.sms());
        int before = follows.mine(actor).size();
        Follows.Follow f = body.orderId() != null ? follows.followOrder(body.orderId(), sms, actor) : follows.followGrid(body.gridCode(), sms, actor);
        return ResponseEntity.status(follows.mine(actor).size() > before ? 201 : 200).body(f);
    }

    @Operation(operationId = "unfollow", summary = "Stop following")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> unfollow(@PathVariable long id) {
        follows.unfollow(id, Actors.require());
        return ResponseEntity.noContent().build();
    }
}
