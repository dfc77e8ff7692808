package mx.gob.inm.preregistro.gateway.ratelimit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The calls a bot would repeat to spam, guess or fill the disks (issue #9), each kind with a bucket of its own. Uploads
 * (scans and attachments together) count per session, the rest per client address (nobody is signed in for them).
 */
enum LimitedCall {

    CAPTCHA(RateLimitProperties::captcha, false, get("/api/captcha")),
    REGISTRATION(RateLimitProperties::registration, false, post("/api/accounts")),
    RECOVERY(RateLimitProperties::recovery, false, post("/api/accounts/recovery")),
    PASSWORD_RESET(RateLimitProperties::recovery, false, post("/api/accounts/password-reset")),
    ACTIVATION(RateLimitProperties::recovery, false, post("/api/accounts/activation")),
    SIGN_IN(RateLimitProperties::signIn, false, get("/oauth2/authorization/**")),
    UPLOAD(RateLimitProperties::uploads, true, post("/api/documents/scans"),
            new Route(HttpMethod.PUT, PathPatternParser.defaultInstance.parse("/api/preregistrations/*/attachments/*")));

    private final Function<RateLimitProperties, RateLimitProperties.Limit> limit;
    private final boolean perSession;
    private final List<Route> routes;

    LimitedCall(Function<RateLimitProperties, RateLimitProperties.Limit> limit, boolean perSession, Route... routes) {
        this.limit = limit;
        this.perSession = perSession;
        this.routes = List.of(routes);
    }

    /** The kind of limited call this request is, if any. */
    static Optional<LimitedCall> of(ServerHttpRequest request) {
        return Arrays.stream(values())
                .filter(call -> call.routes.stream().anyMatch(route -> route.matches(request)))
                .findFirst();
    }

    RateLimitProperties.Limit limit(RateLimitProperties properties) {
        return limit.apply(properties);
    }

    /** Counted per gateway session (a signed-in traveller's), rather than per client address. */
    boolean perSession() {
        return perSession;
    }

    private static Route get(String path) {
        return new Route(HttpMethod.GET, PathPatternParser.defaultInstance.parse(path));
    }

    private static Route post(String path) {
        return new Route(HttpMethod.POST, PathPatternParser.defaultInstance.parse(path));
    }

    private record Route(HttpMethod method, PathPattern path) {
        boolean matches(ServerHttpRequest request) {
            return method.equals(request.getMethod()) && path.matches(request.getPath().pathWithinApplication());
        }
    }
}
