package mx.gob.inm.preregistro.gateway.ui;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.EncodedResourceResolver;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * How the portal's own files are served.
 * <ul>
 * <li>The built scripts and styles ({@code /assets/}) carry a hash of their content in their names, so a browser
 * keeps them for a year without asking again; the page that names them ({@code index.html}) is never kept (Spring
 * Security's {@code no-store}), so a new release reaches everyone at their next visit.</li>
 * <li>Each comes in the smallest copy the browser accepts: Brotli, gzip or as built. The build writes the compressed
 * copies next to the files ({@code precompressed.mjs}); nothing is compressed per request.</li>
 * <li>A {@code Range} header is ignored and the whole file is answered ({@code 200}), as HTTP allows: the files are
 * small. Spring's answer to a range beyond the file was a {@code 416} declaring the whole file's length and sending no
 * byte of it, which left a client reading the next answer on the connection as the rest of this one.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebFluxConfigurer {

    private static final Duration HASHED_FILES_KEPT = Duration.ofDays(365);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(HASHED_FILES_KEPT).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver());
    }

    /**
     * For anything but the API (which the services answer): {@code Range} taken off the request before the file is
     * served, and {@code Accept-Ranges: none} in place of Spring's {@code bytes}.
     */
    @Bean
    WebFilter wholeFilesOnly() {
        return (exchange, chain) -> {
            if (exchange.getRequest().getPath().value().startsWith("/api/")) {
                return chain.filter(exchange);
            }
            HttpHeaders response = exchange.getResponse().getHeaders();
            exchange.getResponse().beforeCommit(() -> {
                if (response.containsHeader(HttpHeaders.ACCEPT_RANGES)) {
                    response.set(HttpHeaders.ACCEPT_RANGES, "none");
                }
                return Mono.empty();
            });
            if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.RANGE)) {
                return chain.filter(exchange);
            }
            return chain.filter(exchange.mutate()
                    .request(request -> request.headers(headers -> headers.remove(HttpHeaders.RANGE))).build());
        };
    }
}
