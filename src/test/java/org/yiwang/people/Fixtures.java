package org.yiwang.people;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Demo accounts and request helpers shared by the people tests. */
public final class Fixtures {

    public static final String DEMO_PASSWORD = "yiwang-demo";

    private Fixtures() {
    }

    /** HTTP Basic as a demo user. */
    public static RequestPostProcessor as(String demoUser) {
        return httpBasic(demoUser, DEMO_PASSWORD);
    }

    /** The sign-in form, posted with its CSRF token from {@code address}. */
    public static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    /** The request comes from {@code address}, so that failures count against it alone. */
    public static RequestPostProcessor from(String address) {
        return (MockHttpServletRequest request) -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
