package org.yiwang.hotline.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.hotline.Article;
import org.yiwang.hotline.ArticleDraft;
import org.yiwang.hotline.Knowledge;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.platform.ChinaTime;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** 知识库 console: agents and leaders read and search it, administrators write and archive articles. */
@Controller
class KnowledgeDesk {

    private final Knowledge knowledge;
    private final MessageSource messages;
    private final Clock clock;

    KnowledgeDesk(Knowledge knowledge, MessageSource messages, Clock clock) {
        this.knowledge = knowledge;
        this.messages = messages;
        this.clock = clock;
    }

    record ArticleForm(@Nullable String question, @Nullable String answer, @Nullable String category, @Nullable String tags,
                       @Nullable String validUntil, @Nullable String owner, @Nullable Boolean archived, @Nullable Integer version,
                       @Nullable String requestKey) {
        static final ArticleForm EMPTY = new ArticleForm(null, null, null, null, null, null, false, 0, null);

        static ArticleForm of(Article a) {
            return new ArticleForm(a.question(), a.answer(), a.category(), String.join(", ", a.tags()),
                    a.validUntil() == null ? null : a.validUntil().toString(), a.owner(), a.archived(), a.version(), null);
        }

        ArticleDraft draft() {
            LocalDate until;
            try {
                until = validUntil == null || validUntil.isBlank() ? null : LocalDate.parse(validUntil.strip());
            } catch (DateTimeParseException e) {
                throw LocalizedException.badRequest("hotline.article.error.validUntil");
            }
            return new ArticleDraft(question, answer, category, ArticleDraft.splitTags(tags), until, owner);
        }
    }

    @GetMapping("/hotline/knowledge")
    String list(@RequestParam(required = false) @Nullable String q, Model model) {
        Actor actor = Actors.require();
        model.addAttribute("articles", knowledge.all(q, actor));
        model.addAttribute("q", q);
        model.addAttribute("today", LocalDate.now(clock.withZone(ChinaTime.ZONE)));
        model.addAttribute("editor", actor.has(Role.ADMIN));
        return "hotline/knowledge";
    }

    @GetMapping("/hotline/knowledge/new")
    String newArticle(Model model) {
        requireEditor();
        return edit(model, null, ArticleForm.EMPTY, null);
    }

    @PostMapping("/hotline/knowledge/new")
    String create(@ModelAttribute ArticleForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor actor = requireEditor();
        try {
            Article a = knowledge.create(form.draft(), form.requestKey(), actor);
            redirect.addFlashAttribute("flashSuccess", label("hotline.knowledge.saved"));
            return "redirect:/hotline/knowledge/" + a.id();
        } catch (LocalizedException e) {
            return refused(e, model, null, form, response);
        }
    }

    @GetMapping("/hotline/knowledge/{id}")
    String show(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        Article a = knowledge.get(id, actor);
        if (!actor.has(Role.ADMIN)) {
            model.addAttribute("article", a);
            return "hotline/article";
        }
        return edit(model, id, ArticleForm.of(a), null);
    }

    @PostMapping("/hotline/knowledge/{id}")
    String update(@PathVariable long id, @ModelAttribute ArticleForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Actor actor = requireEditor();
        try {
            if (form.version() == null) {
                throw LocalizedException.badRequest("hotline.article.error.required", "version");
            }
            knowledge.update(id, form.version(), form.draft(), Boolean.TRUE.equals(form.archived()), actor);
            redirect.addFlashAttribute("flashSuccess", label("hotline.knowledge.saved"));
            return "redirect:/hotline/knowledge/" + id;
        } catch (LocalizedException e) {
            return refused(e, model, id, form, response);
        }
    }

    private String refused(LocalizedException e, Model model, @Nullable Long id, ArticleForm form, HttpServletResponse response) {
        if (e.status().value() >= 500 || e.status().value() == 403 || e.status().value() == 404) {
            throw e;
        }
        response.setStatus(e.status().value());
        Object[] args = e.args().clone();
        if (args.length > 0 && args[0] instanceof String field) {
            args[0] = label("hotline.knowledge." + field);
        }
        return edit(model, id, form, label(e.messageKey(), args));
    }

    private String edit(Model model, @Nullable Long id, ArticleForm form, @Nullable String error) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("requestKey", form.requestKey() != null && !form.requestKey().isBlank() ? form.requestKey()
                : java.util.UUID.randomUUID().toString());
        model.addAttribute("formError", error);
        return "hotline/article-form";
    }

    private static Actor requireEditor() {
        Actor actor = Actors.require();
        if (!actor.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return actor;
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
