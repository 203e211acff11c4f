package org.yiwang.ledger;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context of the ledger's tests: the whole application on a fresh embedded PostgreSQL,
 * without demo data, with MockMvc and the scheduled sealer running as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "yiwang.demo-data=false")
@AutoConfigureMockMvc
public @interface LedgerSpringTest {
}
