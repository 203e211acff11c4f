package org.yiwang.ledger;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context of the ledger's tests: the ledger module alone (with the shared platform) on a
 * fresh embedded PostgreSQL, without demo data, with MockMvc and the scheduled sealer running as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest
@TestPropertySource(properties = "yiwang.demo-data=false")
@AutoConfigureMockMvc
public @interface LedgerSpringTest {
}
