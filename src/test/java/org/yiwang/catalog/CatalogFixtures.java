package org.yiwang.catalog;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;

import java.util.Set;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Signed-in users for the catalog API tests, without the people module's accounts. */
public final class CatalogFixtures {

    private CatalogFixtures() {
    }

    /** The principal of a signed-in user: the security layer's side of {@link Actor.Source}. */
    record SignedIn(Actor actor) implements Actor.Source {
    }

    public static RequestPostProcessor admin() {
        return as(new Actor(9001, "catalog.admin", "目录管理员", Set.of(Role.ADMIN), 1L, "区指挥中心", DataScope.everything(), false));
    }

    public static RequestPostProcessor dispatcher() {
        return as(new Actor(9002, "catalog.dispatcher", "派遣员", Set.of(Role.DISPATCHER), 1L, "区指挥中心", DataScope.division("320104"),
                false));
    }

    public static RequestPostProcessor resident() {
        return as(new Actor(9003, "catalog.resident", "居民", Set.of(Role.RESIDENT), null, null, DataScope.NONE, false));
    }

    static RequestPostProcessor as(Actor actor) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(new SignedIn(actor), null,
                actor.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }
}
