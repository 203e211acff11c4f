package org.yiwang.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.NavigationEntry;

import java.util.Comparator;
import java.util.List;

/**
 * Gives every screen the signed-in actor and the navigation they may use, when a view is about to be
 * rendered. An interceptor rather than a {@code @ModelAttribute} advice: the advice ran for every JSON call
 * too (a {@code @RestController} is a {@code @Controller}), which cost the API a few per cent of its time.
 */
@Configuration(proxyBeanMethods = false)
class ShellModel implements HandlerInterceptor, WebMvcConfigurer {

    private final List<NavigationEntry> entries;

    ShellModel(List<NavigationEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || redirect(view)) {
            return;
        }
        Actor actor = Actors.current().orElse(null);
        view.getModelMap().putIfAbsent("actor", actor);
        view.getModelMap().putIfAbsent("navigation", actor == null ? List.of() : visibleTo(actor, request.getRequestURI()));
    }

    private static boolean redirect(ModelAndView view) {
        return view.getView() instanceof RedirectView || (view.getViewName() != null && view.getViewName().startsWith("redirect:"));
    }

    List<NavigationItem> visibleTo(Actor actor, String path) {
        return entries.stream()
                .filter(entry -> entry.visibleTo(actor))
                .map(entry -> new NavigationItem(entry.href(), entry.labelKey(), entry.icon(), entry.section(),
                        entry.href().equals("/") ? path.equals("/") : path.startsWith(entry.href())))
                .toList();
    }

    /** An entry as one page shows it: whether it is the current page. */
    record NavigationItem(String href, String labelKey, String icon, String section, boolean active) {
    }
}
