package org.yiwang.sla;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.yiwang.catalog.WorkingCalendar;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDateTime;

/**
 * The one Spring context of the time-limit tests: the whole application with the demo territory and
 * users on a fresh embedded PostgreSQL, a {@link MutableClock} that starts on Monday 23 November 2026
 * at 09:00 in Nanjing, and the scheduled rounds off — tests run rounds themselves, as the scheduler
 * of one node or of two would.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "yiwang.sla.scan-enabled=false")
@AutoConfigureMockMvc
@Import(SlaSpringTest.TestClock.class)
@interface SlaSpringTest {

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(LocalDateTime.parse("2026-11-23T09:00").atZone(WorkingCalendar.ZONE).toInstant(), WorkingCalendar.ZONE);
        }
    }
}
