package org.yiwang.notify;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context of the notification tests: the notify module alone (with the shared platform) on a fresh embedded
 * PostgreSQL with {@link TestRecipients}, the scheduled outbox worker off (tests run delivery rounds
 * themselves, as a restarted worker would) and retries 30 s, 60 s, 120 s… for at most 4 attempts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest
@TestPropertySource(properties = {"yiwang.demo-data=false", "yiwang.notify.delivery-enabled=false",
        "yiwang.notify.max-attempts=4", "yiwang.notify.retry-delay=30s", "yiwang.notify.lease=5m",
        "yiwang.notify.base-url=https://yiwang.example.cn/"})
@AutoConfigureMockMvc
@Import(TestRecipients.class)
public @interface NotifySpringTest {
}
