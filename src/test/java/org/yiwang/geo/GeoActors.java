package org.yiwang.geo;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;

import java.util.Set;

/**
 * Signed-in users for MockMvc ({@code with(authentication(GeoActors.admin("320104002")))}): their
 * principal implements {@link Actor.Source}, as the real one does.
 */
public final class GeoActors {

    public static final String FUZIMIAO = "320104002";  // 夫子庙街道
    public static final String HONGHUA = "320104003";   // 红花街道

    private GeoActors() {
    }

    /** An administrator of the divisions with these code prefixes. */
    public static Authentication admin(String... prefixes) {
        return signedIn("admin-" + String.join("-", prefixes), Role.ADMIN, scope(prefixes));
    }

    public static Authentication citywideAdmin() {
        return signedIn("city-admin", Role.ADMIN, DataScope.everything());
    }

    /** A command-centre dispatcher of the divisions with these code prefixes. */
    public static Authentication dispatcher(String... prefixes) {
        return signedIn("dispatcher-" + String.join("-", prefixes), Role.DISPATCHER, scope(prefixes));
    }

    public static Authentication resident() {
        return signedIn("resident", Role.RESIDENT, DataScope.NONE);
    }

    static DataScope scope(String... prefixes) {
        return new DataScope(false, Set.of(prefixes), Set.of());
    }

    static Authentication signedIn(String username, Role role, DataScope scope) {
        Actor actor = new Actor(Math.abs(username.hashCode()), username, username, Set.of(role),
                role == Role.RESIDENT ? null : 1L, role == Role.RESIDENT ? null : "测试单位", scope, false);
        return UsernamePasswordAuthenticationToken.authenticated(new SignedIn(actor), null,
                Set.of(new SimpleGrantedAuthority(role.authority())));
    }

    /** The principal: what the people module's user details look like to other modules. */
    public record SignedIn(Actor actor) implements Actor.Source, java.security.Principal, java.io.Serializable {
        @Override
        public String getName() {
            return actor.username();
        }
    }
}
