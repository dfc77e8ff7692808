package mx.gob.inm.preregistro.gateway.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code HEAD /} is answered as the portal's page is, without the page: Spring Boot serves the index at {@code /} for
 * {@code GET} only, and a monitor or a link checker asking with {@code HEAD} got a 404.
 */
@Configuration(proxyBeanMethods = false)
class PortalHead {

    @Bean
    RouterFunction<ServerResponse> headOfIndex() {
        return RouterFunctions.route(RequestPredicates.HEAD("/"),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).build());
    }
}
