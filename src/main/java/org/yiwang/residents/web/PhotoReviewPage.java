package org.yiwang.residents.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;
import org.yiwang.platform.StaffErrorPage;
import org.yiwang.residents.PhotoReviews;

import java.util.List;

/** 照片公开审核 for staff: the newest reports with photos in the reader's territory, each photo to publish or keep internal. */
@Controller
class PhotoReviewPage {

    static final int LIMIT = 20;

    private final PhotoReviews reviews;
    private final StaffErrorPage errors;
    private final MessageSource messages;

    PhotoReviewPage(PhotoReviews reviews, StaffErrorPage errors, MessageSource messages) {
        this.reviews = reviews;
        this.errors = errors;
        this.messages = messages;
    }

    @GetMapping("/residents/photos")
    String list(Model model) {
        Actor actor = Actors.require();
        model.addAttribute("pending", reviews.recent(LIMIT, actor));
        return "residents/photo-review";
    }

    @PostMapping("/residents/photos/review")
    String review(@RequestParam long orderId, @RequestParam String photoId, @RequestParam boolean approved, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        reviews.review(orderId, photoId, approved, actor);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage(approved ? "residents.review.published" : "residents.review.kept",
                null, LocaleContextHolder.getLocale()));
        return "redirect:/residents/photos#order-" + orderId;
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/residents/photos", "residents.nav.photos", model, response);
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationEntry residentsPhotosNavigation() {
            return new NavigationEntry("/residents/photos", "residents.nav.photos", "▣", List.of(Role.DISPATCHER, Role.COMMUNITY_STAFF, Role.ADMIN),
                    37, "command");
        }

        @Bean
        NavigationEntry residentsPublicMapNavigation() {
            return new NavigationEntry("/public/map", "residents.nav.publicMap", "◉", List.of(Role.DISPATCHER, Role.LEADER, Role.ADMIN), 38, "command");
        }
    }
}
