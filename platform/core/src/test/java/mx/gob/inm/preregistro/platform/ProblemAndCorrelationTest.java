package mx.gob.inm.preregistro.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import mx.gob.inm.preregistro.testing.IntegrationTest;

@IntegrationTest
class ProblemAndCorrelationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    @DisplayName("bad input is a 400 problem+json naming each field, one error per rule, in Spanish by default")
    void validationProblemInSpanish() throws Exception {
        var response = send(request("/probe/validate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"field\":\"name\"", "\"code\":\"required\"", "Este campo es obligatorio.")
                .contains("\"field\":\"birthDate\"", "Debe tener al menos 18 años.")
                .contains("\"title\":\"Datos no válidos\"", "\"status\":400");
    }

    @Test
    @DisplayName("the same problem speaks English with Accept-Language: en")
    void validationProblemInEnglish() throws Exception {
        var response = send(request("/probe/validate").header("Content-Type", "application/json")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("This field is required.", "You must be at least 18 years old.");
    }

    @Test
    @DisplayName("a malformed JSON body is a 400 problem, never a 500")
    void malformedBody() throws Exception {
        var response = send(request("/probe/validate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"malformed_body\"");
    }

    @Test
    @DisplayName("an unexpected failure is a 500 problem with the correlation id and without internal details")
    void unexpectedFailureHidesDetails() throws Exception {
        var response = send(request("/probe/boom").header("X-Correlation-Id", "trace-123"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"correlationId\":\"trace-123\"").doesNotContain("secret internal");
    }

    @Test
    @DisplayName("R-DOC-3 a parameter of the wrong type (a word, NaN, a 20-digit number for a number) is a 400 problem naming it, never a 500")
    void wrongParameterType() throws Exception {
        for (String value : new String[] {"abc", "NaN", "99999999999999999999"}) {
            var response = send(request("/probe/number?value=" + value));

            assertThat(response.statusCode()).as(value).isEqualTo(400);
            assertThat(response.body()).as(value).contains("\"field\":\"value\"", "\"code\":\"invalid\"");
        }
    }

    @Test
    @DisplayName("escapes in the query that are not UTF-8 (%C3%28, %FF, a lone surrogate, an overlong form) are a 400 problem naming the parameter, never a 500")
    void queryNotUtf8() throws Exception {
        String[][] cases = {{"value=%C3%28", "value"}, {"value=%FF", "value"}, {"value=%ED%A0%80", "value"},
                {"value=1&other=%E2%82", "other"}, {"value=%C0%AF", "value"}, {"%FF=1", "query"}};
        for (String[] hostile : cases) {
            var response = send(request("/probe/number?" + hostile[0]));

            assertThat(response.statusCode()).as(hostile[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(hostile[0]).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(hostile[0])
                    .contains("\"field\":\"" + hostile[1] + "\"", "\"code\":\"invalid\"")
                    .doesNotContain("Exception", "tomcat");
        }
        assertThat(send(request("/probe/number?value=12&other=%C3%B1")).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("R-PRE-3 R-ACC-1 a number, 1e999999 or a boolean in place of a text field is a 400 problem naming the field, not taken as text")
    void scalarInPlaceOfText() throws Exception {
        String[][] cases = {
                {"{\"surname\": true}", "surname"},
                {"{\"surname\": \"Gómez\", \"originCity\": 1e999999}", "originCity"},
                {"{\"originCity\": 1234567890123456789012345678901234567890}", "originCity"},
                {"{\"surname\": 12}", "surname"},
                {"{\"companions\": [{\"surname\": \"Ruiz\"}, {\"surname\": false}]}", "companions[1].surname"}};
        for (String[] hostile : cases) {
            var response = send(request("/probe/traveller").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(hostile[0])));

            assertThat(response.statusCode()).as(hostile[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(hostile[0])
                    .contains("\"field\":\"" + hostile[1] + "\"", "\"code\":\"invalid\"",
                            "El valor de este campo no es válido.")
                    .doesNotContain("tools.jackson", "Exception");
        }
        var text = send(request("/probe/traveller").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"surname\": \"true\", \"originCity\": \"1e9\"}")));
        assertThat(text.statusCode()).as("the same values as JSON strings are text").isEqualTo(200);
    }

    @Test
    @DisplayName("R-PRE-3 a value of the wrong shape for a date is a 400 naming the field; an array for the whole body stays malformed_body")
    void wrongShapeNamesTheField() throws Exception {
        var date = send(request("/probe/traveller").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"birthDate\": \"mañana\"}")));
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("\"field\":\"birthDate\"", "\"code\":\"invalid\"");

        var array = send(request("/probe/traveller").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[1, 2, 3]")));
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(array.body()).contains("\"code\":\"malformed_body\"");
    }

    @Test
    @DisplayName("R-PRE-12 a database that cannot be reached is a 503 problem with Retry-After, never a 500")
    void databaseDownIsUnavailable() throws Exception {
        var response = send(request("/probe/database-down"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"unavailable\"", "Servicio no disponible por el momento")
                .doesNotContain("Timed out");
    }

    @Test
    @DisplayName("R-SEC a server the service calls that is down (no connection) or failing (a 5xx) is a 503 problem with Retry-After, never a 500")
    void upstreamDownIsUnavailable() throws Exception {
        for (String probe : new String[] {"/probe/upstream-down", "/probe/upstream-failing"}) {
            var response = send(request(probe));

            assertThat(response.statusCode()).as(probe).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).as(probe).hasValue("5");
            assertThat(response.body()).as(probe).contains("\"code\":\"unavailable\"")
                    .doesNotContain("127.0.0.1", "Connection refused", "secret internal detail");
        }
    }

    @Test
    @DisplayName("R-SEC R-OPS-2 R-DOC-2 a refusal the caller may try again says when: a 503 problem always (Retry-After 5), a 429 the time it names, in whole seconds rounded up")
    void refusalsSayWhenToTryAgain() throws Exception {
        var busy = send(request("/probe/refused?status=503"));
        var limited = send(request("/probe/refused?status=429"));

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    @DisplayName("an unknown path is a 404 problem, in Spanish like the others")
    void unknownPath() throws Exception {
        var response = send(request("/probe/no-such-thing"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"not_found\"", "\"title\":\"No encontrado\"", "correlationId")
                .doesNotContain("No static resource");
    }

    @Test
    @DisplayName("R-DOC-3 a required parameter that is missing is a 400 validation problem naming it")
    void missingParameter() throws Exception {
        var response = send(request("/probe/number"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"validation\"", "\"field\":\"value\"",
                "\"code\":\"required\"", "Este campo es obligatorio.");
    }

    @Test
    @DisplayName("R-SEC a method the path does not take is a 405 problem with Allow, in Spanish")
    void methodNotAllowed() throws Exception {
        var response = send(request("/probe/validate").GET());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.body()).contains("\"code\":\"method_not_allowed\"", "no admite este método");
    }

    @Test
    @DisplayName("R-SEC a body that is not JSON by its type is a 415 problem, and asking for XML a 406 problem, in the caller's language")
    void contentTypes() throws Exception {
        var notJson = send(request("/probe/validate").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<name>Ana</name>")));
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(notJson.body()).contains("\"code\":\"unsupported_media_type\"", "envíe JSON")
                .doesNotContain("is not supported");

        var xmlWanted = send(request("/probe/correlation").header("Accept", "application/xml")
                .header("Accept-Language", "en"));
        assertThat(xmlWanted.statusCode()).isEqualTo(406);
        assertThat(xmlWanted.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(xmlWanted.body()).contains("\"code\":\"not_acceptable\"", "only available as JSON");
    }

    @Test
    @DisplayName("R-SEC a wildcard body type (*/*, application/*) is a 415 problem like any type not read, not a 500; a request without a body naming one is served")
    void wildcardContentTypes() throws Exception {
        for (String type : new String[] {"*/*", "application/*", "*/*; charset=UTF-8"}) {
            var body = send(request("/probe/validate").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ana\"}")));
            assertThat(body.statusCode()).as(type).isEqualTo(415);
            assertThat(body.body()).as(type).contains("\"code\":\"unsupported_media_type\"", "envíe JSON");

            var noBody = send(request("/probe/correlation").header("Content-Type", type));
            assertThat(noBody.statusCode()).as(type).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("R-SEC an Accept or Accept-Language that cannot be read still gets the problem+json, in Spanish")
    void unreadableAcceptHeaders() throws Exception {
        for (String accept : new String[] {"text", ";;;/", "application/json;q=x"}) {
            var response = send(request("/probe/correlation").header("Accept", accept));
            assertThat(response.statusCode()).as(accept).isEqualTo(406);
            assertThat(response.headers().firstValue("Content-Type")).as(accept).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(accept).contains("\"code\":\"not_acceptable\"");
        }
        var languages = send(request("/probe/validate").header("Accept-Language", "***;q=abc")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(languages.statusCode()).isEqualTo(400);
        assertThat(languages.body()).contains("\"code\":\"validation\"", "obligatorio");
    }

    @Test
    @DisplayName("R-SEC a control character in any header (Accept, Accept-Language, a Content-Type's charset) is the 400 problem, never a 500 or an empty 400")
    void controlCharactersInHeaders() throws Exception {
        // byte 0x98, a C1 control once read as ISO-8859-1: part of the UTF-8 bytes of many characters (☃ is E2 98 83)
        String control = "\u0098";
        String[][] headers = {{"Accept", "application/json" + control}, {"Accept-Language", "es" + control},
                {"Content-Type", "application/json; charset=x-" + control}, {"X-Anything", "a" + control}};
        for (String[] header : headers) {
            String contentType = header[0].equals("Content-Type") ? "" : "Content-Type: application/json\r\n";
            String answer = raw("POST /probe/validate HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + contentType
                    + header[0] + ": " + header[1] + "\r\nContent-Length: 2\r\n\r\n{}");
            assertThat(answer).as(header[0]).startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"code\":\"bad_request\"", "La solicitud no es válida.");
        }
    }

    @Test
    @DisplayName("R-SEC R-DOC-3 a multipart body the parser refuses (too many parts, a part head too large, no boundary, cut short) is a 4xx problem, never a 500")
    void unreadableMultipart() throws Exception {
        String file = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nPNG\r\n";
        var ordinary = upload("multipart/form-data; boundary=b", file + "--b--\r\n");
        assertThat(ordinary.statusCode()).isEqualTo(200);
        assertThat(ordinary.body()).contains("\"size\":3");

        String manyParts = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n".repeat(200) + file + "--b--\r\n";
        String largePartHead = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + "a".repeat(5000)
                + ".png\"\r\n\r\nPNG\r\n--b--\r\n";
        String[][] refused = {
                {"200 parts", "multipart/form-data; boundary=b", manyParts, "413", "too_many_parts"},
                {"a part head of 5 KB", "multipart/form-data; boundary=b", largePartHead, "413", "too_large"},
                {"no boundary", "multipart/form-data", file + "--b--\r\n", "400", "malformed_multipart"},
                {"no closing boundary", "multipart/form-data; boundary=b", file, "400", "malformed_multipart"},
                {"another boundary", "multipart/form-data; boundary=zz", file + "--b--\r\n", "400", "validation"}};
        for (String[] hostile : refused) {
            var response = upload(hostile[1], hostile[2]);
            assertThat(response.statusCode()).as(hostile[0] + ": " + response.body())
                    .isEqualTo(Integer.parseInt(hostile[3]));
            assertThat(response.headers().firstValue("Content-Type")).as(hostile[0]).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(hostile[0]).contains("\"code\":\"" + hostile[4] + "\"");
        }
        assertThat(upload("multipart/form-data", file).body()).contains("El formulario enviado no se pudo leer");
    }

    private HttpResponse<String> upload(String contentType, String body) throws Exception {
        return send(request("/probe/upload").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    @DisplayName("R-SEC a request Tomcat refuses before any servlet (an address that is not a URI, HTTP/2.0 on an HTTP/1 connection, 120 headers) is a problem+json in Spanish, not Tomcat's HTML page")
    void refusedByTomcat() throws Exception {
        String[][] heads = {
                {"GET /probe/%zz HTTP/1.1\r\nHost: x\r\n\r\n", "400", "bad_request"},
                {"GET /probe/correlation HTTP/2.0\r\nHost: x\r\n\r\n", "505", "http_version_not_supported"},
                {"GET /probe/correlation HTTP/1.1\r\nHost: x\r\n" + "X-Filler: 1\r\n".repeat(120) + "\r\n", "400",
                        "bad_request"}};
        for (String[] head : heads) {
            String answer = raw(head[0]);
            assertThat(answer).as(head[0]).startsWith("HTTP/1.1 " + head[1])
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"code\":\"" + head[2] + "\"", "\"status\":" + head[1])
                    .doesNotContain("<html", "Tomcat");
        }
        assertThat(raw(heads[0][0])).contains("La solicitud no es válida.");
        assertThat(raw("GET /probe/correlation HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .as("an ordinary request is untouched").startsWith("HTTP/1.1 200").contains("correlationId");
    }

    /** Sends these characters as bytes (ISO-8859-1) and reads until the server closes the connection. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("a call without an access token is a 401 problem+json, with the correlation id, in Spanish unless English is asked for")
    void protectedWithoutToken() throws Exception {
        var response = send(request("/private/thing").header("X-Correlation-Id", "no-token-1"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"unauthenticated\"", "\"correlationId\":\"no-token-1\"",
                "Sesión no iniciada");   // no Accept-Language: Spanish, whatever the JVM's own locale
        assertThat(send(request("/private/thing").header("Accept-Language", "en-GB,es;q=0.5")).body())
                .contains("Not signed in");
    }

    @Test
    @DisplayName("a malformed or unverifiable bearer token is a 401 problem+json, never a 500")
    void malformedToken() throws Exception {
        for (String authorization : new String[] {"Bearer not a token", "Bearer ===", "Bearer abc.def.ghi"}) {
            var response = send(request("/private/thing").header("Authorization", authorization));

            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    @DisplayName("the correlation id from the request header is used and echoed; a malformed one is replaced")
    void correlationId() throws Exception {
        var kept = send(request("/probe/correlation").header("X-Correlation-Id", "abc-42"));
        assertThat(kept.body()).contains("\"correlationId\":\"abc-42\"");
        assertThat(kept.headers().firstValue("X-Correlation-Id")).hasValue("abc-42");

        var replaced = send(request("/probe/correlation").header("X-Correlation-Id", "not valid <script>"));
        assertThat(replaced.headers().firstValue("X-Correlation-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }
}
