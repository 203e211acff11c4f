package org.yiwang.whistle;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context of the whistle tests: the whole application with the demo territory and users
 * on a fresh embedded PostgreSQL, a {@link TestClock} that each test sets, and the scheduled overdue
 * scan off (tests run scans themselves, as racing nodes would).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "yiwang.whistle.overdue-scan-enabled=false")
@AutoConfigureMockMvc
@Import(TestClock.Configuration.class)
@interface WhistleSpringTest {
}
