package org.yiwang.enforcement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context of the enforcement tests: the whole application with the demo territory and users on a
 * throw-away embedded PostgreSQL, with MockMvc — the configuration of a bare {@code @SpringBootTest
 * @AutoConfigureMockMvc}, so the context is shared with the other modules' tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
public @interface EnforcementSpringTest {
}
