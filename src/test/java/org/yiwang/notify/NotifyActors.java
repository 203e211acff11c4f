package org.yiwang.notify;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;

import java.util.Set;

/** Signed-in users for MockMvc, whose principal implements {@link Actor.Source} as the real one does. */
public final class NotifyActors {

    private NotifyActors() {
    }

    public static Authentication resident(long userId) {
        return signedIn(userId, Role.RESIDENT, DataScope.NONE);
    }

    public static Authentication gridWorker(long userId) {
        return signedIn(userId, Role.GRID_WORKER, DataScope.division("320104002001"));
    }

    public static Authentication cityAdmin(long userId) {
        return signedIn(userId, Role.ADMIN, DataScope.everything());
    }

    public static Authentication streetAdmin(long userId) {
        return signedIn(userId, Role.ADMIN, DataScope.division("320104002000"));
    }

    static Authentication signedIn(long userId, Role role, DataScope scope) {
        Actor actor = new Actor(userId, "user" + userId, "用户" + userId, Set.of(role),
                role == Role.RESIDENT ? null : 1L, role == Role.RESIDENT ? null : "测试单位", scope, false);
        return UsernamePasswordAuthenticationToken.authenticated(new SignedIn(actor), null,
                Set.of(new SimpleGrantedAuthority(role.authority())));
    }

    public record SignedIn(Actor actor) implements Actor.Source, java.security.Principal, java.io.Serializable {
        @Override
        public String getName() {
            return actor.username();
        }
    }
}
