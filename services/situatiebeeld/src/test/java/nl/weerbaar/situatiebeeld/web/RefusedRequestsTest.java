package nl.weerbaar.situatiebeeld.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that the servlet container or the security firewall refuse before any controller sees them, sent over a
 * raw socket as a careless or hostile client would: every answer is problem+json in Dutch, never an HTML page or
 * Spring Boot's own JSON, and never a 5xx.
 */
@WeerbaarIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefusedRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;

    record Answer(int status, String contentType, JsonNode body) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/exercise-clocks/a%2Fb", "/api/exercise-clocks;jsessionid=1", "/api/exercise-clocks/%00",
        "/api/exercise-clocks/%zz", "/api/exercise-clocks/%252e%252e", "/api/exercise-clocks/a%5Cb"})
    void aPathTheContainerOrTheFirewallRefusesIsA400ProblemInDutch(String path) throws IOException {
        Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        assertThat(answer.body().path("status").asInt()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("request-rejected");
        assertThat(answer.body().path("title").asText()).isEqualTo("Ongeldig verzoek");
        assertThat(answer.body().path("detail").asText()).contains("geweigerd");
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedWith413BeforeItIsSent() throws IOException {
        Answer answer = send("POST /api/admin/read-models/picture/rebuild HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 50000000\r\nAccept-Language: en\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asText()).isEqualTo("body-too-large");
        assertThat(answer.body().path("detail").asText()).contains("256 KB");
    }

    @Test
    void anUnknownAddressIsA404Problem() throws IOException {
        Answer answer = send("GET /nothing/here HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isIn(401, 404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    /** Sends {@code request} and reads one response: up to its declared length, not to the end of the connection. */
    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            while (!read.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                read.write(b);
            }
            String head = read.toString(StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.split(" ")[1]);
            String contentType = header(head, "content-type");
            String body;
            if (!header(head, "content-length").isEmpty()) {
                body = new String(in.readNBytes(Integer.parseInt(header(head, "content-length"))), StandardCharsets.UTF_8);
            } else if (header(head, "transfer-encoding").equalsIgnoreCase("chunked")) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                    chunks.write(in.readNBytes(size));
                    in.readNBytes(2);
                }
                body = chunks.toString(StandardCharsets.UTF_8);
            } else {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(status, contentType, JSON.readTree(body.isBlank() ? "{}" : body));
        }
    }

    private static int chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.isEmpty() ? 0 : Integer.parseInt(line.toString().trim(), 16);
    }

    private static String header(String head, String name) {
        return head.lines().filter(l -> l.toLowerCase().startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse("");
    }
}
