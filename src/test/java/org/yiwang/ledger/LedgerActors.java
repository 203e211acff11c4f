package org.yiwang.ledger;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;

import java.util.Set;

/** Signed-in users for MockMvc, whose principal implements {@link Actor.Source} as the real one does. */
public final class LedgerActors {

    public static final String FUZIMIAO = "320104002"; // 夫子庙街道
    public static final String HONGHUA = "320104003";  // 红花街道

    private LedgerActors() {
    }

    public static Authentication citywide(Role role) {
        return signedIn(role, DataScope.everything());
    }

    /** A user with {@code role} whose scope is the divisions with these code prefixes. */
    public static Authentication in(Role role, String... prefixes) {
        return signedIn(role, new DataScope(false, Set.of(prefixes), Set.of()));
    }

    public static Authentication resident() {
        return signedIn(Role.RESIDENT, DataScope.NONE);
    }

    static Authentication signedIn(Role role, DataScope scope) {
        String username = role.name().toLowerCase() + "-" + scope;
        Actor actor = new Actor(Math.abs((long) username.hashCode()) + 1, username, username, Set.of(role),
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
