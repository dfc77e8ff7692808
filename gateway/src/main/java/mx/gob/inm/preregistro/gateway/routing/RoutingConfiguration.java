package mx.gob.inm.preregistro.gateway.routing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import io.netty.resolver.DefaultAddressResolverGroup;

/**
 * How the gateway reaches the services. Host names are resolved by the operating system (hosts file, nsswitch, its
 * DNS configuration), as every other process of the stack does, instead of Netty's own DNS client: that client sends
 * its queries straight to the servers of {@code /etc/resolv.conf}, and where those do not answer (a closed network) a
 * routed call waits for the DNS timeouts before it is even sent. A body larger than any service accepts is refused
 * before it is routed ({@link BodySizeLimit}), and so are more header lines than they read ({@link HeaderCountLimit}).
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    HttpClientCustomizer systemResolver() {
        return httpClient -> httpClient.resolver(DefaultAddressResolverGroup.INSTANCE);
    }

    @Bean
    BodySizeLimit bodySizeLimit(@Value("${preregistro.gateway.max-body-size:3MB}") DataSize max) {
        return new BodySizeLimit(max);
    }

    @Bean
    HeaderCountLimit headerCountLimit(@Value("${preregistro.gateway.max-header-lines:80}") int max) {
        return new HeaderCountLimit(max);
    }
}
