package mx.gob.inm.preregistro.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal's built files as the real gateway serves them: kept by browsers when they may be, always whole. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "IDENTITY_SERVICE_URL=http://127.0.0.1:9")
class StaticFilesTest {

    private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpResponse<String> page;
    private String script;

    @BeforeEach
    void openThePortal() throws Exception {
        page = get("/", null);
        Matcher named = SCRIPT.matcher(page.body());
        assertThat(named.find()).as("the page names its script: " + page.body()).isTrue();
        script = named.group(1);
    }

    @Test
    @DisplayName("R-SEC the page is never kept; its scripts and styles, named by their content's hash, are kept for a year")
    void hashedFilesKept() throws Exception {
        assertThat(page.headers().firstValue("Cache-Control")).get().asString().contains("no-store");

        HttpResponse<String> file = get(script, null);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Cache-Control")).get().asString()
                .contains("max-age=31536000", "public", "immutable").doesNotContain("no-store", "no-cache");
        assertThat(file.headers().firstValue("Pragma")).isEmpty();
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    @DisplayName("R-SEC a Range header, beyond the file or not, is ignored: the whole file, and the connection goes on in step")
    void rangesIgnored() throws Exception {
        String whole = get(script, null).body();

        for (String range : new String[] {"bytes=99999999-", "bytes=0-10", "bytes=abc", "bytes=5-1"}) {
            HttpResponse<String> answer = get(script, range);

            assertThat(answer.statusCode()).as(range).isEqualTo(200);
            assertThat(answer.body()).as(range).isEqualTo(whole);
            assertThat(answer.headers().firstValue("Accept-Ranges")).as(range).hasValue("none");
        }
        assertThat(get("/", null).body()).as("the next answer on the same connection").isEqualTo(page.body());
    }

    @Test
    @DisplayName("a browser gets the smallest copy of a script it accepts, Brotli or gzip, written at build time: the same bytes once unpacked")
    void smallestCopyAccepted() throws Exception {
        byte[] whole = http.send(request(script).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        HttpResponse<byte[]> gzip = http.send(request(script).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> brotli = http.send(request(script).header("Accept-Encoding", "br, gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().allValues("Vary")).anyMatch(vary -> vary.contains("Accept-Encoding"));
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes()).isEqualTo(whole);
        assertThat(gzip.body().length).isLessThan(whole.length / 2);
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(brotli.body().length).isLessThan(gzip.body().length);
        assertThat(get(script, null).headers().firstValue("Content-Encoding")).as("nothing accepted").isEmpty();
    }

    private HttpResponse<String> get(String path, String range) throws Exception {
        HttpRequest.Builder request = request(path);
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    }
}
