package mx.gob.inm.preregistro.gateway.ui;

import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The portal's pages live after the {@code #} ({@code /#/ayuda}). A browser that asks for one at an address of its
 * own ({@code /ayuda}, {@code /cuenta/crear}: typed by hand, an old bookmark, a link that lost its {@code #}) is sent
 * to the portal at that route, query included, instead of being shown the API's JSON: the page if the portal has it,
 * otherwise the portal's own "Página no disponible", in the traveller's language. Only a page asked for by a browser
 * ({@code GET} or {@code HEAD} accepting {@code text/html} by name) outside the API; the API's addresses, and every
 * other client, still get the {@code 404} problem.
 */
public final class PageAddresses {

    private PageAddresses() {
    }

    /** Whether {@code request}, which nothing answered, is a browser asking for a page. */
    public static boolean isPageRequest(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                || request.getPath().value().startsWith("/api/")) {
            return false;
        }
        try {
            return request.getHeaders().getAccept().stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /**
     * Sends the browser to the same address as the portal's route: {@code /ayuda?x=1} to {@code /#/ayuda?x=1}. The
     * address stays on this site whatever the path holds: it follows the {@code #}.
     */
    public static Mono<Void> redirectToRoute(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        URI address = request.getURI();
        String query = address.getRawQuery();
        exchange.getResponse().setStatusCode(HttpStatus.FOUND);
        exchange.getResponse().getHeaders().setLocation(URI.create("/#" + address.getRawPath()
                + (query == null ? "" : "?" + query)));
        return exchange.getResponse().setComplete();
    }
}
