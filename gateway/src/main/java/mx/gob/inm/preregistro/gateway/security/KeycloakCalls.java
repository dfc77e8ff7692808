package mx.gob.inm.preregistro.gateway.security;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** The gateway's own calls to Keycloak (a token's refresh, whether it answers), each with its time limits. */
final class KeycloakCalls {

    private KeycloakCalls() {
    }

    /** A client that waits at most {@code connect} for a connection and {@code response} for an answer. */
    static WebClient timeLimited(Duration connect, Duration response) {
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connect.toMillis())
                .responseTimeout(response))).build();
    }
}
