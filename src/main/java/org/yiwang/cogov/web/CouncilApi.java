package org.yiwang.cogov.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.cogov.council.Council;
import org.yiwang.cogov.council.CouncilCommands;
import org.yiwang.cogov.council.Councils;
import org.yiwang.cogov.council.VoteChoice;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

import java.util.List;

/** 议事会 API: councils and members, topics, comments, votes, resolutions (and their orders), minutes. */
@RestController
@RequestMapping("/api/cogov")
@Tag(name = "Co-governance")
class CouncilApi {

    private final Councils councils;

    CouncilApi(Councils councils) {
        this.councils = councils;
    }

    record TopicProposalInput(@Nullable Long councilId, @Nullable String title, @Nullable String body, @Nullable String requestId) {
    }

    record CouncilTextInput(@Nullable String text) {
    }

    record CouncilVoteInput(@Nullable VoteChoice choice) {
    }

    record ResolutionOrderInput(@Nullable String address) {
    }

    @GetMapping("/councils")
    List<Council> list() {
        return councils.list(Actors.require());
    }

    @PostMapping("/councils")
    @ResponseStatus(HttpStatus.CREATED)
    Council create(@RequestBody CouncilCommands.NewCouncil council) {
        return councils.create(council, Actors.require());
    }

    @GetMapping("/councils/{id}")
    Council.CouncilDetail detail(@PathVariable long id) {
        return councils.detail(id, Actors.require());
    }

    @PostMapping("/councils/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    Council.CouncilMember addMember(@PathVariable long id, @RequestBody CouncilCommands.AddMember member) {
        return councils.addMember(id, member, Actors.require());
    }

    @GetMapping("/topics")
    List<Council.CouncilTopic> myTopics() {
        return councils.topicsOf(Actors.require());
    }

    @PostMapping("/topics")
    @ResponseStatus(HttpStatus.CREATED)
    Council.CouncilTopic propose(@RequestBody TopicProposalInput in) {
        if (in.councilId() == null) {
            throw LocalizedException.badRequest("cogov.error.required", "councilId");
        }
        return councils.propose(new CouncilCommands.Propose(in.councilId(), in.title(), in.body(), in.requestId()), Actors.require());
    }

    @GetMapping("/topics/{id}")
    Council.TopicDetail topic(@PathVariable long id) {
        return councils.topicDetail(id, Actors.require());
    }

    @PostMapping("/topics/{id}/comments")
    Council.CouncilTopic comment(@PathVariable long id, @RequestBody CouncilTextInput in) {
        return councils.comment(id, in.text(), Actors.require());
    }

    @PostMapping("/topics/{id}/votes")
    Council.CouncilTopic vote(@PathVariable long id, @RequestBody CouncilVoteInput in) {
        return councils.vote(id, in.choice(), Actors.require());
    }

    @PostMapping("/topics/{id}/discussion")
    Council.CouncilTopic openDiscussion(@PathVariable long id) {
        return councils.openDiscussion(id, Actors.require());
    }

    @PostMapping("/topics/{id}/decline")
    Council.CouncilTopic decline(@PathVariable long id, @RequestBody CouncilTextInput in) {
        return councils.decline(id, in.text(), Actors.require());
    }

    @PostMapping("/topics/{id}/vote-opening")
    Council.CouncilTopic openVote(@PathVariable long id) {
        return councils.openVote(id, Actors.require());
    }

    @PostMapping("/topics/{id}/vote-closing")
    Council.CouncilTopic closeVote(@PathVariable long id) {
        return councils.closeVote(id, Actors.require());
    }

    @PostMapping("/topics/{id}/resolutions")
    Council.CouncilTopic resolve(@PathVariable long id, @RequestBody CouncilCommands.Resolve in) {
        return councils.resolve(id, in, Actors.require());
    }

    @PostMapping("/topics/{id}/resolutions/{resolution}/order")
    Council.CouncilTopic toOrder(@PathVariable long id, @PathVariable long resolution, @RequestBody(required = false) @Nullable ResolutionOrderInput in) {
        return councils.toOrder(id, resolution, in == null ? null : in.address(), Actors.require());
    }

    @PostMapping("/topics/{id}/resolutions/{resolution}/done")
    Council.CouncilTopic finish(@PathVariable long id, @PathVariable long resolution) {
        return councils.finish(id, resolution, Actors.require());
    }

    @PostMapping("/topics/{id}/minutes")
    Council.CouncilTopic minutes(@PathVariable long id, @RequestBody CouncilTextInput in) {
        return councils.recordMinutes(id, in.text(), Actors.require());
    }
}
