package org.yiwang.workorder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context of the work-order tests: the whole application with the demo territory and users
 * on a throw-away embedded PostgreSQL, with MockMvc. Its configuration is that of a bare
 * {@code @SpringBootTest @AutoConfigureMockMvc}, so other modules' tests that use those share it too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
public @interface WorkOrderSpringTest {
}
