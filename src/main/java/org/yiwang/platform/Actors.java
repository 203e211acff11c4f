package org.yiwang.platform;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** Finds the {@link Actor} of the current request. */
public final class Actors {

    private Actors() {
    }

    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor.Source source) {
            return Optional.of(source.actor());
        }
        return Optional.empty();
    }

    /** The current actor; access is denied when nobody is signed in. */
    public static Actor require() {
        return current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    /** The current actor, who must hold one of the roles. */
    public static Actor requireAny(Role... roles) {
        Actor actor = require();
        if (!actor.hasAny(roles)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return actor;
    }

    /** The current actor's scope, which must include {@code code}, else 404 so existence does not leak. */
    public static Actor requireCovering(String code, String notFoundKey, Object... args) {
        Actor actor = require();
        if (!actor.scope().covers(code)) {
            throw LocalizedException.notFound(notFoundKey, args);
        }
        return actor;
    }
}
