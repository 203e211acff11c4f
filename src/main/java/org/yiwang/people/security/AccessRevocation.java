package org.yiwang.people.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yiwang.people.UserChanged;
import org.yiwang.people.UserDisabled;

/**
 * Ends what a user signed in with when their access changes: a disabled account loses its API tokens
 * (in the same transaction), and sessions signed in before a change of roles, org unit, password or
 * state are deleted once the change is committed, so the next request signs in afresh.
 */
@Component
class AccessRevocation {

    private static final Logger log = LoggerFactory.getLogger(AccessRevocation.class);

    private final ApiTokens tokens;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    AccessRevocation(ApiTokens tokens, ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @EventListener
    void revokeTokens(UserDisabled disabled) {
        int revoked = tokens.revokeAll(disabled.userId());
        if (revoked > 0) {
            log.info("Revoked {} API token(s) of disabled user {}", revoked, disabled.username());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void endSessions(UserDisabled disabled) {
        endSessionsOf(disabled.username());
    }

    /** In the change's own transaction: a token's remembered roles and scope must not outlive it, on any node. */
    @EventListener
    void forgetTokens(UserChanged changed) {
        if (changed.accessChanged()) {
            tokens.forgetVerified();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void endSessions(UserChanged changed) {
        if (changed.accessChanged()) {
            endSessionsOf(changed.username());
        }
    }

    private void endSessionsOf(String username) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return;
        }
        var found = repository.findByPrincipalName(username).keySet();
        found.forEach(repository::deleteById);
        if (!found.isEmpty()) {
            log.info("Ended {} session(s) of user {}", found.size(), username);
        }
    }
}
