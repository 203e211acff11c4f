package org.yiwang.intake;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One Spring context (and one throw-away database) for the intake and Open311 tests: webhooks may call
 * the local test server on 127.0.0.1, and retry quickly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "yiwang.intake.webhooks.allow-loopback=true",
        "yiwang.intake.webhooks.interval=PT0.2S",
        "yiwang.intake.webhooks.initial-backoff=PT0.2S",
        "yiwang.intake.webhooks.max-backoff=PT0.5S",
        "yiwang.intake.webhooks.max-attempts=3",
        "yiwang.intake.webhooks.timeout=PT5S"})
@AutoConfigureMockMvc
public @interface ChannelSpringTest {
}
