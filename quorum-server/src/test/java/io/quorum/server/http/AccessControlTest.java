package io.quorum.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.server.api.Actor;
import io.quorum.engine.market.Ticker;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class AccessControlTest {
    private static TestServer server;
    private static String sessionId;

    @BeforeAll static void start() {
        server = new TestServer();
        sessionId = server.desk.createSession(Ticker.of("AAPL"), new Actor("user", "test")).id();
    }

    @AfterAll static void stop() {
        server.close();
    }

    /** Generated from the server's own table: a route added tomorrow is checked without touching this test. */
    @TestFactory Stream<DynamicTest> every_route_but_health_answers_401_without_the_token_and_with_a_wrong_one() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : server.server.routes()) {
            if (route.access() == Route.Access.OPEN) continue;
            String path = route.pathWith(route.pathParameters().stream()
                    .map(name -> name.equals("ticker") ? "AAPL" : name.equals("id") ? sessionId : "c1").toList());
            tests.add(DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
                for (String authorization : new String[] {null, "Bearer wrong-token-0123456789", "Basic " + TestServer.TOKEN, TestServer.TOKEN}) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                            .method(route.method().name(), HttpRequest.BodyPublishers.ofString("{}"))
                            .header("Content-Type", "application/json");
                    if (authorization != null) request.header("Authorization", authorization);
                    HttpResponse<String> response = server.send(request.build());
                    assertThat(response.statusCode()).as("%s with %s", path, authorization).isEqualTo(401);
                    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.CONTENT_TYPE);
                    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(25);
        return tests.stream();
    }

    /**
     * Every path of the published API, spelled the ways a router or a proxy may treat as the same
     * path: none of them may be served without the token.
     */
    @TestFactory Stream<DynamicTest> no_spelling_of_a_published_path_is_served_without_the_token() {
        var paths = server.parse(server.get("/openapi.json")).path("paths");
        List<DynamicTest> tests = new ArrayList<>();
        paths.fieldNames().forEachRemaining(template -> {
            String path = template.replace("{id}", sessionId).replace("{ticker}", "AAPL").replace("{cid}", "c1");
            paths.path(template).fieldNames().forEachRemaining(method -> {
                if (paths.path(template).path(method).has("security")) return;   // an open route declares no security of its own
                for (String variant : spellings(path)) {
                    tests.add(DynamicTest.dynamicTest(method.toUpperCase() + " " + variant, () -> {
                        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri(variant))
                                .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString("{}"))
                                .header("Content-Type", "application/json").build());
                        assertThat(response.statusCode()).as("%s %s -> %s", method, variant, response.body()).isIn(400, 401, 404);
                        assertThat(response.headers().firstValue("Content-Type")).as(variant).hasValue(Problem.CONTENT_TYPE);
                    }));
                }
            });
        });
        assertThat(tests).hasSizeGreaterThanOrEqualTo(25 * 5);
        return tests.stream();
    }

    /** A trailing slash, a doubled slash, a {@code ;} parameter, a percent-encoded letter and changes of case. */
    private static List<String> spellings(String path) {
        int letter = path.lastIndexOf('/') + 1;
        String encoded = path.substring(0, letter) + "%" + Integer.toHexString(path.charAt(letter)).toUpperCase() + path.substring(letter + 1);
        return List.of(path + "/", path + "//", path.replaceFirst("/", "//"), path.replace("/", "//"), path + ";x=1", path + ";",
                path.replaceFirst("/([^/]+)", "/$1;x"), encoded, "/" + path.substring(1).replace("/", "%2F"), path.toUpperCase(),
                path.substring(0, 2).toUpperCase() + path.substring(2), path + "/.", path + "/x/..");
    }

    @Test void health_answers_without_the_token_and_says_only_that_the_server_is_up() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/health")).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test void ready_answers_without_the_token_and_names_each_component() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/ready")).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.parse(response).properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("status", "journal", "feed", "broker", "bus");
        assertThat(server.parse(response).path("feed").asText()).isEqualTo("UP");
    }

    @Test void the_web_page_needs_no_token_but_a_path_beside_it_does() {
        org.junit.jupiter.api.Assumptions.assumeTrue(QuorumServer.class.getResource("/web/index.html") != null, "the web UI is not on the classpath");

        HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri("/")).GET().build());
        HttpResponse<String> beside = server.send(HttpRequest.newBuilder(server.uri("/index.html/..;/metrics")).GET().build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html");
        assertThat(beside.statusCode()).isIn(400, 401, 404);
    }

    @Test void the_token_in_a_query_string_is_never_accepted() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/sessions?token=" + TestServer.TOKEN)).GET().build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.parse(response).path("errors").get(0).path("field").asText()).isEqualTo("token");
    }

    @Test void unknown_api_paths_need_the_token_before_they_are_reported_missing() {
        HttpResponse<String> anonymous = server.send(HttpRequest.newBuilder(server.uri("/api/nothing-here")).GET().build());
        HttpResponse<String> authenticated = server.get("/api/nothing-here");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(authenticated.statusCode()).isEqualTo(404);
        assertThat(authenticated.headers().firstValue("Content-Type")).hasValue(Problem.CONTENT_TYPE);
    }

    @Test void a_generated_token_is_stored_only_as_a_private_hash_and_shown_once(@TempDir Path dataDir) throws Exception {
        AccessToken first = AccessToken.loadOrGenerate(dataDir, false);
        String plain = first.revealOnce().orElseThrow();
        Path file = dataDir.resolve(AccessToken.FILE_NAME);

        AccessToken again = AccessToken.loadOrGenerate(dataDir, false);

        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).doesNotContain(plain).hasSize(65);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(plain).matches("[A-Za-z0-9_-]{43}");
        assertThat(again.revealOnce()).isEmpty();
        assertThat(again.origin()).isEqualTo(AccessToken.Origin.STORED);
        assertThat(again.matches(plain)).isTrue();
        assertThat(again.matches(plain + "x")).isFalse();
    }

    @Test void rotating_the_token_invalidates_the_old_one(@TempDir Path dataDir) {
        String old = AccessToken.loadOrGenerate(dataDir, false).revealOnce().orElseThrow();

        AccessToken rotated = AccessToken.loadOrGenerate(dataDir, true);

        assertThat(rotated.matches(old)).isFalse();
        assertThat(rotated.matches(rotated.revealOnce().orElseThrow())).isTrue();
    }

    @Test void the_banner_shows_a_generated_token_once_with_a_one_click_url(@TempDir Path dataDir) {
        AccessToken generated = AccessToken.loadOrGenerate(dataDir, false);
        QuorumServer fresh = new QuorumServer(server.desk, generated, ServerSettings.defaults(), new ServerMetrics(), server.clock).start(0, "127.0.0.1");
        try {
            String plain = generated.revealOnce().orElseThrow();
            assertThat(fresh.startupBanner())
                    .anySatisfy(line -> assertThat(line).endsWith(fresh.baseUrl() + "/#token=" + plain))
                    .anySatisfy(line -> assertThat(line).startsWith("Quorum is listening on http://127.0.0.1:"));
        } finally {
            fresh.stop();
        }
        QuorumServer restarted = new QuorumServer(server.desk, AccessToken.loadOrGenerate(dataDir, false), ServerSettings.defaults(),
                new ServerMetrics(), server.clock);
        assertThat(String.join("\n", restarted.startupBanner())).contains("--new-token");
    }

    @Test void binding_beyond_loopback_is_refused_with_a_generated_token(@TempDir Path dataDir) {
        QuorumServer exposed = new QuorumServer(server.desk, AccessToken.loadOrGenerate(dataDir, false), ServerSettings.defaults(),
                new ServerMetrics(), server.clock);

        assertThatThrownBy(() -> exposed.start(0, "0.0.0.0")).isInstanceOf(IllegalStateException.class).hasMessageContaining("QUORUM_TOKEN");
    }

    @Test void metrics_count_requests_by_route_and_status() {
        server.get("/api/sessions/" + sessionId);

        String scrape = server.get("/metrics").body();

        assertThat(scrape).contains("quorum_http_requests_seconds_count{method=\"GET\",route=\"/api/sessions/{id}\",status=\"200\"}")
                .contains("quorum_ws_clients");
    }

    @Test void the_openapi_document_describes_every_route_of_the_table() {
        var document = server.parse(server.get("/openapi.json"));

        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        for (Route route : server.server.routes()) {
            assertThat(document.path("paths").path(route.path()).has(route.method().name().toLowerCase())).as(route.path()).isTrue();
        }
        assertThat(document.path("components").path("schemas").path("SessionView").path("properties").has("lastSeq")).isTrue();
    }
}
