package mx.gob.inm.preregistro.gateway.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request the HTTP server cannot even read (an address longer than 4 KB, headers over 8 KB, a request line that is
 * not HTTP, an address that is not a URI, a version other than HTTP/1) is answered with the gateway's problem+json like
 * every other refused request: {@code 414}, {@code 431}, {@code 400} or {@code 505}, in Spanish (the request's
 * languages are among what could not be read). Reactor Netty's and Spring's own answer to it is the status alone, with
 * an empty body. The connection is closed after the answer, as Reactor Netty does: what follows on it cannot be read
 * either.
 * <p>
 * A body the decoder fails on (a chunk size that is not a number) comes after a head that was read and handed on. Only
 * a chunked body can fail so, and the gateway refuses every chunked body with {@code 411} (its {@code BodySizeLimit})
 * after dropping what it read of it. Handed on, the failure would have Reactor Netty answer its empty {@code 400} first
 * and the refusal would find the answer already started; the body ends there instead, and the refusal is the answer.
 */
@Component
class UnreadableRequests implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "preregistro.unreadableRequests", new Refusal());
            }
        });
    }

    /**
     * The problem that keeps the request from being served, or {@code null} when it can be: what the HTTP decoder
     * failed on, a version other than HTTP/1.0 and 1.1 (Reactor Netty refuses {@code HTTP/2.0} on an HTTP/1 connection),
     * or an address {@link URI} does not take ({@code %zz}, a backslash), on which Spring gives up before any handler.
     */
    private static GatewayProblem problemOf(HttpRequest request) {
        Throwable cause = request.decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            return GatewayProblem.URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return GatewayProblem.HEADERS_TOO_LARGE;
        }
        if (cause != null) {
            return GatewayProblem.REJECTED;
        }
        if (request.protocolVersion().majorVersion() != 1) {
            return GatewayProblem.HTTP_VERSION_NOT_SUPPORTED;
        }
        try {
            new URI(request.uri());
            return null;
        } catch (URISyntaxException e) {
            return GatewayProblem.REJECTED;
        }
    }

    /** One per connection: answers the first unreadable request and drops whatever the connection still brings. */
    private static final class Refusal extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (refused) {
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpContent content && !(message instanceof HttpRequest)
                    && content.decoderResult().isFailure()) {
                content.release();
                context.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
                return;
            }
            GatewayProblem problem = message instanceof HttpRequest request ? problemOf(request) : null;
            if (problem == null) {
                context.fireChannelRead(message);
                return;
            }
            refused = true;
            ReferenceCountUtil.release(message);
            byte[] body = problem.body(false).getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(problem.status().value()), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
