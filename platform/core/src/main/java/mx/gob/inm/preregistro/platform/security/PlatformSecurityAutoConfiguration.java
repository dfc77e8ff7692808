package mx.gob.inm.preregistro.platform.security;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.platform.problem.ProblemHandler;

/**
 * Every service is an OAuth2 resource server: it accepts the access token the gateway relays (signed by Keycloak,
 * checked against the realm's keys) and refuses anything else with a 401 problem, except its public paths and the
 * actuator (health and metrics stay on the service's own port, not routed by the gateway). No sessions and no
 * CSRF here: the browser's session and CSRF token live at the gateway.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties(SecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformSecurityAutoConfiguration.class);

    /** Boot's token decoder (the realm's keys), wrapped to remember the tokens it verified: {@link VerifiedTokens}. */
    @Bean
    static BeanPostProcessor rememberVerifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder
                        ? new VerifiedTokens(decoder, Clock.systemUTC(), VerifiedTokens.DEFAULT_CAPACITY) : bean;
            }
        };
    }

    /**
     * Spring Security observes nothing: nothing reads its observations, and while they were only switched off, its
     * filter chain still wrapped every filter for one on every request (the request's own observation stays).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall, its character checks done without regular expressions
     * ({@link FirewallCharacters}), on every header as the request arrives ({@link WholeHeadFirewall}).
     */
    @Bean
    HttpFirewall strictHttpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters::headerName);
        firewall.setAllowedHeaderValues(FirewallCharacters::headerValue);
        firewall.setAllowedParameterNames(FirewallCharacters::parameterName);
        return new WholeHeadFirewall(firewall);
    }

    /**
     * A request the firewall refuses is the {@code 400 bad_request} problem, written at once: Spring Security's
     * default sends the error to Spring Boot's error page, which reads the refused headers again.
     */
    @Bean
    RequestRejectedHandler rejectedAsProblem(SecurityProblem problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                "bad_request");
    }

    /** The answers Spring Security gives before a controller runs, as problems: {@link SecurityProblem}. */
    @Bean
    SecurityProblem securityProblem(ProblemHandler problemHandler, JsonMapper json) {
        return new SecurityProblem(problemHandler, json);
    }

    /**
     * A token refused is a 401; a token that cannot be checked at all, because the realm's keys could not be fetched
     * from Keycloak (down when a service starts, or when Keycloak rotates its keys), is a 503 the caller may retry,
     * not Spring Security's default of a 500.
     */
    private static AuthenticationFailureHandler tokenFailures(SecurityProblem problems,
            ProblemAuthenticationEntryPoint unauthenticated) {
        return (request, response, failure) -> {
            if (failure instanceof AuthenticationServiceException) {
                log.warn("Access token not checked: {}", failure.toString());
                problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
            } else {
                unauthenticated.commence(request, response, failure);
            }
        };
    }

    @Bean
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
            SecurityProblem problems) throws Exception {
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint(problems);
        return http
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/**", "/error").permitAll();
                    properties.publicPaths().forEach(path -> requests.requestMatchers(path).permitAll());
                    properties.rolePaths().forEach((path, role) -> requests.requestMatchers(path).hasRole(role));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(KeycloakRealmRoles::authenticationOf))
                        .authenticationEntryPoint(unauthenticated)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(tokenFailures(problems, unauthenticated));
                                return filter;
                            }
                        }))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
