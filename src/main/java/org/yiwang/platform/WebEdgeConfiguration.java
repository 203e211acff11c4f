package org.yiwang.platform;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Where the application meets the network: the client address and scheme behind a trusted reverse proxy only
 * ({@code yiwang.web.trusted-proxies}; {@code X-Forwarded-Host} is never believed), redirects that stay relative
 * instead of following the request's Host header, Tomcat's own refusals as problems, and the request guard.
 */
@Configuration(proxyBeanMethods = false)
class WebEdgeConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> webEdgeTomcat(YiwangProperties properties, EdgeErrors errors) {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(ConfigurableTomcatWebServerFactory factory) {
                factory.addEngineValves(remoteIpValve(properties.web()));
                factory.addContextCustomizers(context -> {
                    // a Location header is sent as given (/login), never made absolute from the Host header
                    context.setUseRelativeRedirects(true);
                    if (context.getParent() instanceof StandardHost host) {
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof ErrorReportValve) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                        host.setErrorReportValveClass(ProblemReportValve.class.getName());
                        host.getPipeline().addValve(new ProblemReportValve(errors));
                    }
                });
            }
        };
    }

    /** The client address and scheme as a trusted proxy forwards them; the Host header is left alone. */
    static RemoteIpValve remoteIpValve(YiwangProperties.Web web) {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(web.trustedProxies());
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setProtocolHeaderHttpsValue("https");
        valve.setPortHeader("X-Forwarded-Port");
        valve.setHostHeader(null);
        return valve;
    }

    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(EdgeErrors errors) {
        FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(new RequestGuard(errors));
        // after the character-encoding filter (parameters are decoded as UTF-8), before Spring Security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
