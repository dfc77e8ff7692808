package mx.gob.inm.preregistro.system;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client of the gateway that sends exactly the bytes it is given (invalid UTF-8 included), with the
 * session cookie and the CSRF token, anonymous or signed in through Keycloak's login form; or an airline's system,
 * with a token of its client credentials.
 */
final class HostileClient {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final String gateway;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    /** The bearer token each request carries (a fresh one each time), or null for a browser's session. */
    private Supplier<String> bearer;

    private HostileClient(LocalStack stack) {
        this.gateway = "http://localhost:" + stack.port("GATEWAY_PORT");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new InsecureLoopbackCookies(cookies)).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A visitor of the portal, with the gateway's CSRF cookie. */
    static HostileClient anonymous(LocalStack stack) throws Exception {
        HostileClient client = new HostileClient(stack);
        client.send("GET", "/", null, null);
        return client;
    }

    /** The local realm's demo airline asking the partners' API (R-OPS-2): no session, a client-credentials token. */
    static HostileClient airline(LocalStack stack) {
        HostileClient client = new HostileClient(stack);
        client.bearer = () -> stack.keycloak().clientToken("airline-demo", "airline-demo-secret");
        return client;
    }

    /** The holder of an active account, signed in with INGRESAR (a session of its own). */
    static HostileClient signedIn(LocalStack stack, String email, String password) throws Exception {
        HostileClient client = anonymous(stack);
        HttpResponse<String> login = client.send("GET", "/oauth2/authorization/keycloak", null, null);
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (!form.find()) {
            throw new AssertionError("no Keycloak login form at " + login.uri());
        }
        client.http.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(email) + "&password="
                        + encode(password) + "&credentialId=")).build(), HttpResponse.BodyHandlers.ofString());
        if (!client.send("GET", "/api/session", null, null).body().contains("\"authenticated\":true")) {
            throw new AssertionError("sign-in of " + email + " failed");
        }
        return client;
    }

    /** Sends {@code body} as is (none when null), with the CSRF token on writes. */
    HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        return send(method, path, contentType, body, Map.of());
    }

    /** The same, with {@code headers} besides. */
    HttpResponse<String> send(String method, String path, String contentType, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer.get());
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!method.equals("GET")) {
            request.header("X-XSRF-TOKEN", cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(""));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Keycloak's cookies are {@code Secure}; a browser sends them to {@code http://localhost}, so the flag goes. */
    private static final class InsecureLoopbackCookies extends CookieHandler {

        private final CookieManager delegate;

        InsecureLoopbackCookies(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> insecure = new HashMap<>();
            responseHeaders.forEach((name, values) -> insecure.put(name, name == null ? values : values.stream()
                    .map(value -> value.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList()));
            delegate.put(uri, insecure);
        }
    }
}
