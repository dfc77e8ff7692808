package mx.gob.inm.preregistro.gateway.security;

import java.net.URI;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import mx.gob.inm.preregistro.gateway.problem.GatewayProblem;

/**
 * The gateway as a BFF: users sign in with OIDC authorization code + PKCE against Keycloak; the browser holds only
 * the session cookie; the access token is relayed to the services. Writes need the CSRF token the gateway sets in
 * the {@code XSRF-TOKEN} cookie, echoed in {@code X-XSRF-TOKEN}. An API call without a session is a 401
 * problem, not a redirect; the UI and the public API calls (captcha, registration, activation, recovery,
 * verification of a seal, partners with their own credentials) need no session.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * Calls that never belong to a browser session: a seal's verification and the seal keys (R-FMM-6: airlines and
     * airports check boarding passengers' QR codes) and the partners' API, where each call carries the partner's own
     * bearer token, checked by preregistration-service. They get the security headers, but no session, no CSRF token
     * (partners do not use cookies; the others only read) and no saved request: a machine calling thousands of times
     * an hour makes no session and no cookie, and each call skips that work.
     */
    @Bean
    @Order(0)
    SecurityWebFilterChain statelessWebFilterChain(ServerHttpSecurity http, GatewayProperties properties) {
        return http
                .securityMatcher(STATELESS)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(headers -> securityHeaders(headers, properties))
                .build();
    }

    /** A seal's verification and the seal keys, read by airlines and airports with GET or HEAD. */
    private static final String[] SEAL_CHECKS = {"/api/fmme/verify", "/api/fmme/keys"};

    /** Paths of {@link #statelessWebFilterChain}. */
    static final ServerWebExchangeMatcher STATELESS = ServerWebExchangeMatchers.matchers(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, SEAL_CHECKS),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, SEAL_CHECKS),
            ServerWebExchangeMatchers.pathMatchers("/api/partners/**"));

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
            ReactiveClientRegistrationRepository registrations, GatewayProperties properties) {
        DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        ServerOAuth2AuthorizationRequestResolver authorizationRequests = new LoginLanguage(pkce);

        return http
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/api/captcha", "/api/captcha/**", "/api/session").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/accounts", "/api/accounts/activation",
                                "/api/accounts/recovery", "/api/accounts/password-reset").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new ApiAuthenticationEntryPoint())
                        .accessDeniedHandler((exchange, denied) -> GatewayProblem.CSRF.write(exchange)))
                .headers(headers -> securityHeaders(headers, properties))
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests)
                        .authenticationFailureHandler(signInFailed()))
                .csrf(csrf -> csrf
                        .accessDeniedHandler((exchange, denied) -> GatewayProblem.CSRF.write(exchange))
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenOfCalls()))
                // the whole session ends, the traveller's tokens with it (Spring's default only forgot who signed in)
                .logout(logout -> logout.logoutHandler(new WebSessionServerLogoutHandler())
                        .logoutSuccessHandler(new KeycloakLogoutSuccessHandler(properties)))
                .build();
    }

    /** The portal's page for a sign-in that could not be completed. */
    static final String SIGN_IN_FAILED = "/#/ingreso-fallido";

    /**
     * A sign-in that comes back from Keycloak and cannot be completed (the login page left open past the session's
     * life or submitted twice, so its state is unknown here; the gateway restarted meanwhile; Keycloak's token
     * endpoint not answering) goes to the portal's page that says so and offers INGRESAR again, instead of Spring
     * Security's {@code /login?error}, which the portal does not have.
     */
    private static ServerAuthenticationFailureHandler signInFailed() {
        RedirectServerAuthenticationFailureHandler redirect = new RedirectServerAuthenticationFailureHandler(SIGN_IN_FAILED);
        return (exchange, failure) -> {
            log.info("Sign-in not completed: {}", failure.getMessage());
            return redirect.onAuthenticationFailure(exchange, failure);
        };
    }

    /** The same headers on every answer, whichever chain made it. */
    private static void securityHeaders(ServerHttpSecurity.HeaderSpec headers, GatewayProperties properties) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicy(permissions -> permissions.policy(
                        "camera=(self), microphone=(), geolocation=(), payment=()"));
    }

    /**
     * Scripts only from the portal itself (no inline script, no eval); styles may be set inline by the UI's own
     * scripts (the crop box); images also from {@code data:} and {@code blob:} URLs (captcha, camera capture);
     * forms post to the portal and, for sign-out, to Keycloak; no framing. HSTS is added by Spring Security on HTTPS.
     */
    static String contentSecurityPolicy(GatewayProperties properties) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; "
                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + properties.keycloakPublicUrl();
    }

    /**
     * A request Spring Security's firewall refuses before any route (encoded {@code /}, {@code .}, {@code %},
     * {@code ;}, NUL or other control characters in the path or headers, path traversal) is a {@code 400}
     * problem+json like every other error, not an empty body.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedAsProblem() {
        return (exchange, rejected) -> GatewayProblem.REJECTED.write(exchange);
    }

    /**
     * Spring Security observes nothing: nothing reads its observations, and while they were only switched off, its
     * filter chain still wrapped every filter for one on every request (the request's own observation stays).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** INGRESAR goes to Keycloak only while Keycloak answers: {@link SignInAvailability}. */
    @Bean
    WebFilter signInAvailability(ReactiveClientRegistrationRepository registrations) {
        ClientRegistration keycloak = registrations.findByRegistrationId("keycloak").blockOptional()
                .orElseThrow(() -> new IllegalStateException("no client registration keycloak"));
        return new SignInAvailability(URI.create(keycloak.getProviderDetails().getJwkSetUri()), Clock.systemUTC());
    }

    @Bean
    WebFilter utf8Addresses() {
        return new Utf8Addresses();
    }

    /**
     * Where a request's CSRF token is read: a call of the API ({@code /api/**}, routed to a service) sends it in the
     * {@code X-XSRF-TOKEN} header, as the UI does; only the gateway's own forms (sign-out) send it as a form field.
     * Spring Security reads a form body first: on a routed call it consumed the body the service then waited for
     * until the route's time limit, a 503 counted against the route's circuit breaker, which a few such posts could
     * open for everybody.
     */
    static final class CsrfTokenOfCalls extends ServerCsrfTokenRequestAttributeHandler {

        @Override
        public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
            if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
                return Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName()));
            }
            return super.resolveCsrfTokenValue(exchange, csrfToken);
        }
    }

    /** Makes the lazily created CSRF token (and so its cookie) exist on every response the SPA may read it from. */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }
}
