package org.yiwang.hotline.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.hotline.Article;
import org.yiwang.hotline.ArticleDraft;
import org.yiwang.hotline.Call;
import org.yiwang.hotline.CallerHistory;
import org.yiwang.hotline.CallerPhone;
import org.yiwang.hotline.Calls;
import org.yiwang.hotline.Knowledge;
import org.yiwang.platform.Actors;

import java.time.LocalDate;
import java.util.List;

/**
 * The 12345 desk's API: a caller's history by number (POST, so that the number stays out of URLs and access logs),
 * repeat calls and direct answers, the knowledge base and the desk's figures. Dispatchers and administrators;
 * administrators edit the knowledge base.
 */
@RestController
@RequestMapping("/api/hotline")
class HotlineController {

    private final Calls calls;
    private final Knowledge knowledge;

    HotlineController(Calls calls, Knowledge knowledge) {
        this.calls = calls;
        this.knowledge = knowledge;
    }

    record CallerLookup(@Nullable String phone) {
    }

    record RepeatCallRequest(@Nullable String phone, @Nullable Long orderId, @Nullable String note, @Nullable String requestKey) {
    }

    record DirectAnswerRequest(@Nullable String phone, @Nullable Long articleId, @Nullable String note, @Nullable String requestKey) {
    }

    record ArticleJson(@Nullable String question, @Nullable String answer, @Nullable String category, @Nullable List<String> tags,
                       @Nullable LocalDate validUntil, @Nullable String owner, @Nullable Boolean archived, @Nullable Integer version,
                       @Nullable String requestKey) {
        ArticleDraft draft() {
            return new ArticleDraft(question, answer, category, tags, validUntil, owner);
        }
    }

    @PostMapping("/callers/lookup")
    CallerHistory lookupCaller(@RequestBody CallerLookup body) {
        return calls.history(CallerPhone.of(body.phone()), Actors.require());
    }

    @PostMapping("/calls/repeat")
    @ResponseStatus(HttpStatus.CREATED)
    Call repeatCall(@RequestBody RepeatCallRequest body) {
        if (body.orderId() == null) {
            throw org.yiwang.platform.LocalizedException.badRequest("hotline.error.orderRequired");
        }
        return calls.repeat(CallerPhone.of(body.phone()), body.orderId(), body.note(), body.requestKey(), Actors.require());
    }

    @PostMapping("/calls/direct-answer")
    @ResponseStatus(HttpStatus.CREATED)
    Call directAnswer(@RequestBody DirectAnswerRequest body) {
        if (body.articleId() == null) {
            throw org.yiwang.platform.LocalizedException.badRequest("hotline.error.articleRequired");
        }
        return calls.answer(CallerPhone.of(body.phone()), body.articleId(), body.note(), body.requestKey(), Actors.require());
    }

    @GetMapping("/figures")
    org.yiwang.hotline.CallFigures callFigures() {
        return calls.figures(Actors.require());
    }

    @GetMapping("/knowledge")
    List<Article> searchKnowledge(@RequestParam(required = false) @Nullable String q) {
        return knowledge.search(q, Actors.require());
    }

    @GetMapping("/knowledge/{id}")
    Article knowledgeArticle(@PathVariable long id) {
        return knowledge.get(id, Actors.require());
    }

    @PostMapping("/knowledge")
    @ResponseStatus(HttpStatus.CREATED)
    Article createArticle(@RequestBody ArticleJson body) {
        return knowledge.create(body.draft(), body.requestKey(), Actors.require());
    }

    @PutMapping("/knowledge/{id}")
    Article updateArticle(@PathVariable long id, @RequestBody ArticleJson body) {
        if (body.version() == null) {
            throw org.yiwang.platform.LocalizedException.badRequest("hotline.article.error.required", "version");
        }
        return knowledge.update(id, body.version(), body.draft(), Boolean.TRUE.equals(body.archived()), Actors.require());
    }
}
