package org.yiwang.people.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code yiwang.login.*} for throttling failed sign-ins.
 *
 * @param maxFailures consecutive failures for one username before it is locked
 * @param firstLock how long the first lock lasts; every further failure doubles it
 * @param maxLock the longest lock
 * @param forgetAfter failures older than this no longer count as consecutive
 * @param ipMaxFailures failures from one address within {@code ipWindow}, whatever the usernames, before the whole
 *                      address is blocked; high, since behind a NAT or proxy one address stands for many people
 * @param ipUserMaxFailures failures from one address for one username within {@code ipWindow} before that
 *                          address may not try that username any more for {@code ipBlock}
 * @param ipWindow the window in which failures from one address are counted
 * @param ipBlock how long a blocked address waits
 */
@ConfigurationProperties("yiwang.login")
public record LoginProperties(@DefaultValue("5") int maxFailures,
                              @DefaultValue("1m") Duration firstLock,
                              @DefaultValue("30m") Duration maxLock,
                              @DefaultValue("24h") Duration forgetAfter,
                              @DefaultValue("500") int ipMaxFailures,
                              @DefaultValue("10") int ipUserMaxFailures,
                              @DefaultValue("10m") Duration ipWindow,
                              @DefaultValue("10m") Duration ipBlock) {

    public LoginProperties {
        if (ipMaxFailures < 1 || ipUserMaxFailures < 1) {
            throw new IllegalArgumentException("yiwang.login.ip-max-failures and ip-user-max-failures must be ≥ 1");
        }
    }

    public LoginThrottlePolicy policy() {
        return new LoginThrottlePolicy(maxFailures, firstLock, maxLock);
    }
}
