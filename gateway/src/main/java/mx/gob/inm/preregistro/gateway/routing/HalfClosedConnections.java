package mx.gob.inm.preregistro.gateway.routing;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A client that ends its side of the connection after its request (a half-close: {@code nc -N}, some monitors and
 * scripts) still gets the answer. Netty closed such a connection as soon as the client's end arrived, so the client
 * read nothing; the services' Tomcat answers it. Now the connection stays open for the answer of the request under
 * way, sent with {@code Connection: close}, and ends with it; without a request under way it is closed at once.
 * Requests pipelined behind it are not served: Reactor Netty cannot read them once the client's side has ended, and
 * the client, told the connection closes, sends them again (RFC 9112 9.3.2).
 */
@Component
class HalfClosedConnections implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.childOption(ChannelOption.ALLOW_HALF_CLOSURE, true).doOnChannelInit((observer, channel, remote) -> {
            // next to the decoder, before Reactor Netty's keep-alive handling: it sees every request as it is read,
            // pipelined ones too, and the client's end before Reactor Netty does
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "preregistro.halfClosedConnections",
                        new AnswerThenClose());
            }
        });
    }

    /** One per connection: the client's end is kept from Reactor Netty, and the connection ends with the last answer. */
    private static final class AnswerThenClose extends ChannelDuplexHandler {

        /** Requests read and not yet answered to their end. */
        private int unanswered;
        private boolean clientDone;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest) {
                unanswered++;
            }
            context.fireChannelRead(message);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof ChannelInputShutdownReadComplete) {
                return;
            }
            if (!(event instanceof ChannelInputShutdownEvent)) {
                context.fireUserEventTriggered(event);
                return;
            }
            clientDone = true;
            if (unanswered == 0) {
                context.close();
            }
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            boolean interim = message instanceof HttpResponse response
                    && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            if (clientDone && !interim && message instanceof HttpResponse response) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            if (!interim && message instanceof LastHttpContent) {
                unanswered = Math.max(0, unanswered - 1);
                if (clientDone) {
                    context.write(message, promise.unvoid()).addListener(written -> context.close());
                    return;
                }
            }
            context.write(message, promise);
        }
    }
}
