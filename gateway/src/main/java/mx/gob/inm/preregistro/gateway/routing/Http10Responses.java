package mx.gob.inm.preregistro.gateway.routing;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * An HTTP/1.0 request is answered without chunks. Chunks are HTTP/1.1's (a server must not send
 * {@code Transfer-Encoding} to an HTTP/1.0 request, RFC 9112 6.1), and an HTTP/1.0 client (ApacheBench, an old
 * monitor) would take the chunk sizes for part of the body. Reactor Netty chunks every answer whose length is not
 * stated, as a service's JSON usually is (Tomcat chunks it): such an answer goes to an HTTP/1.0 client as it comes,
 * ended by closing the connection, HTTP/1.0's way. An answer of stated length is left as it is.
 */
@Component
class Http10Responses implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            // after Reactor Netty's keep-alive handling on the way in, so before it on the way out: it sees the answer
            // as changed here, to be closed after
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpTrafficHandler, "preregistro.http10Responses",
                        new Unchunked());
            }
        });
    }

    /** One per connection; its requests come one at a time (Reactor Netty holds a pipelined one back). */
    private static final class Unchunked extends ChannelDuplexHandler {

        private boolean http10;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
            }
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (http10 && message instanceof HttpResponse response && HttpUtil.isTransferEncodingChunked(response)) {
                response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            context.write(message, promise);
        }
    }
}
