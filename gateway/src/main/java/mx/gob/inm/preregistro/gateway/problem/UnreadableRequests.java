package mx.gob.inm.preregistro.gateway.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
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
import io.netty.util.concurrent.ScheduledFuture;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request the HTTP server cannot even read (an address longer than 4 KB, headers over 8 KB, a request line that is
 * not HTTP, an address that is not a URI, a version other than HTTP/1, no valid {@code Host}, a control character in
 * a header) is answered with the gateway's problem+json like
 * every other refused request: {@code 414}, {@code 431}, {@code 400} or {@code 505}, in Spanish (the request's
 * languages are among what could not be read). Reactor Netty's and Spring's own answer to it is the status alone, with
 * an empty body. The connection ends after the answer, as with Reactor Netty: what follows on it cannot be read either.
 * It is not closed at once, though. A client still sending the rest of an address of a megabyte would find the
 * connection reset, and lose the answer on its way with it. The gateway ends its side after the answer and drops what
 * still comes until the client closes its own, for at most {@link GatewayProblem#DRAIN_TIME}.
 * <p>
 * A body the decoder fails on (a chunk size that is not a number) comes after a head that was read and handed on. Only
 * a chunked body can fail so, and the gateway refuses every chunked body with {@code 411} (its {@code BodySizeLimit})
 * after dropping what it read of it. Handed on, the failure would have Reactor Netty answer its empty {@code 400} first
 * and the refusal would find the answer already started; the body ends there instead, and the refusal is the answer.
 */
@Component
class UnreadableRequests implements NettyServerCustomizer {

    /**
     * {@code host[:port]}: an IPv6 address in brackets, or a name or IPv4 address (RFC 3986 {@code reg-name}: letters,
     * digits, {@code -._~!$&'()*+,;=} and escapes), and a port of at most five digits.
     */
    private static final Pattern HOST = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]+]|([A-Za-z0-9\\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+)(:[0-9]{1,5})?");

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
        if (!hasOneValidHost(request) || hasControlCharacters(request)) {
            return GatewayProblem.REJECTED;
        }
        try {
            new URI(request.uri());
            return null;
        } catch (URISyntaxException e) {
            return GatewayProblem.REJECTED;
        }
    }

    /**
     * Whether the request names the server it is for once, as {@code host[:port]} (RFC 9112 3.2: a server answers
     * {@code 400} to an HTTP/1.1 request without {@code Host}, and to any with several or one that is not valid). Reactor
     * Netty takes a request without one, or with two, and answers its own empty {@code 400} to a host it cannot read
     * ({@code [::1}, {@code localhost:abc}).
     */
    private static boolean hasOneValidHost(HttpRequest request) {
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.isEmpty()) {
            return request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        }
        return hosts.size() == 1 && HOST.matcher(hosts.get(0)).matches();
    }

    /**
     * Whether a header's name or value holds a control character (a tab aside, in a value): Spring Security's firewall
     * refuses such a header in the gateway and in the services only when something reads it, so a request with one
     * was served, or failed wherever the header was read first. Netty reads header bytes as ISO-8859-1: the bytes
     * 0x80 to 0x9F, found in the UTF-8 of many characters ({@code ☃} is E2 98 83), are C1 control characters.
     */
    private static boolean hasControlCharacters(HttpRequest request) {
        for (var header = request.headers().iteratorCharSequence(); header.hasNext();) {
            var field = header.next();
            if (hasControlCharacter(field.getKey(), false) || hasControlCharacter(field.getValue(), true)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControlCharacter(CharSequence text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < ' ' && !(tabAllowed && c == '\t')) || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
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
            context.writeAndFlush(response).addListener(written -> lingerThenClose(context));
        }

        /** Ends the answer, drops what the client still sends until it closes, and closes after a while anyway. */
        private static void lingerThenClose(ChannelHandlerContext context) {
            if (!(context.channel() instanceof DuplexChannel channel) || !channel.isActive()) {
                context.close();
                return;
            }
            channel.shutdownOutput();
            channel.config().setAutoRead(true);
            ScheduledFuture<?> deadline = context.executor().schedule((Runnable) context::close,
                    GatewayProblem.DRAIN_TIME.toMillis(), TimeUnit.MILLISECONDS);
            channel.closeFuture().addListener(closed -> deadline.cancel(false));
        }
    }
}
