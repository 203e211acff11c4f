package org.yiwang.demo;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context of the demo-history tests: the whole application as a fresh demo installation
 * starts it — demo territory, people, registers and the generated history — with MockMvc.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yiwang.demo.history=true")
@AutoConfigureMockMvc
public @interface DemoHistorySpringTest {
}
