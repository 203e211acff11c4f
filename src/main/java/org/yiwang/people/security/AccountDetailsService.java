package org.yiwang.people.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.yiwang.people.account.SignInAccount;
import org.yiwang.people.account.SignInAccounts;

import java.time.Clock;

/**
 * Loads {@link SignedInUser}s for password sign-in, and stores re-encoded hashes when the password
 * encoder's preferred algorithm moved on.
 */
@Service
class AccountDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final SignInAccounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountDetailsService(SignInAccounts accounts, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.byUsername(username)
                .map(AccountDetailsService::principal)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    static SignedInUser principal(SignInAccount account) {
        return new SignedInUser(account.actor(), account.passwordHash(), account.enabled(), null);
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        SignedInUser signedIn = (SignedInUser) user;
        jdbc.sql("UPDATE people_user SET password_hash = :hash, version = version + 1, updated_at = :now WHERE id = :id")
                .param("hash", newPassword).param("id", signedIn.actor().userId())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        return signedIn.withPasswordHash(newPassword);
    }
}
