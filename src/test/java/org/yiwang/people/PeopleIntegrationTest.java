package org.yiwang.people;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a fresh embedded PostgreSQL with the demo territory and demo users, shared
 * by every people integration test (same annotations, one cached context). Tests that fail sign-ins
 * do so from their own client address, below the per-address limit set here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yiwang.crypto.id-key=" + PeopleIntegrationTest.ID_KEY,
        "yiwang.login.ip-max-failures=12"})
@AutoConfigureMockMvc
public @interface PeopleIntegrationTest {

    /** A fixed test key, so that no key file is written. */
    String ID_KEY = "bgSmEJw6ZBvL1mGSO2Y8YI4SmNbYOwV6Wm0BWwz6PlU=";
}
