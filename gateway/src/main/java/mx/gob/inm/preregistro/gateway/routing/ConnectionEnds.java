package mx.gob.inm.preregistro.gateway.routing;

import java.util.ArrayDeque;
import java.util.Queue;

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
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A connection ends after the answer the client asked it to end with, and every request before that one is answered.
 * <ul>
 * <li><b>A client that ends its side after its request</b> (a half-close: {@code nc -N}, some monitors and scripts)
 * gets the answer. Netty closed such a connection as soon as the client's end arrived, so the client read nothing;
 * the services' Tomcat answers it. The connection now stays open for the answer under way, sent with
 * {@code Connection: close}, and ends with it; without a request under way it is closed at once. Requests pipelined
 * behind that answer are not served (Reactor Netty cannot read them once the client's side has ended): the client,
 * told the connection closes, sends them again (RFC 9112 9.3.2).</li>
 * <li><b>Pipelined requests, the last with {@code Connection: close}</b>: Reactor Netty took the close for the answer
 * under way and dropped the requests behind it (two requests, one answer); Tomcat answers both. The close is now kept
 * for that request's own answer.</li>
 * </ul>
 */
@Component
class ConnectionEnds implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .doOnChannelInit((observer, channel, remote) -> {
                    // before Reactor Netty's keep-alive handling: it sees every request as it is read, pipelined
                    // ones too, and the client's end before Reactor Netty does; after the refusal of unreadable
                    // requests (added next to the decoder), which answers those itself
                    if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                        channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, "preregistro.connectionEnds",
                                new AnswerThenClose());
                    }
                });
    }

    /** One per connection: the client's end is kept from Reactor Netty; the connection ends with the right answer. */
    private static final class AnswerThenClose extends ChannelDuplexHandler {

        /** For each request read and not yet answered to its end: whether the connection ends with its answer. */
        private final Queue<Boolean> unanswered = new ArrayDeque<>(2);
        private boolean clientDone;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                boolean close = !HttpUtil.isKeepAlive(request);
                if (close && !unanswered.isEmpty() && request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                    // pipelined: Reactor Netty would end the connection with the answer under way
                    request.headers().remove(HttpHeaderNames.CONNECTION);
                }
                unanswered.add(close);
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
            if (unanswered.isEmpty()) {
                context.close();
            }
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof HttpResponse response
                    && response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                context.write(message, promise);
                return;
            }
            boolean last = clientDone || Boolean.TRUE.equals(unanswered.peek());
            if (last && message instanceof HttpResponse response) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            if (message instanceof LastHttpContent) {
                unanswered.poll();
                if (last) {
                    context.write(message, promise.unvoid()).addListener(written -> context.close());
                    return;
                }
            }
            context.write(message, promise);
        }
    }
}
