package cn.cabr.carbon.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser-like HTTP client for one person: keeps its cookies (session, XSRF-TOKEN) and sends the CSRF header
 * the way the portal's JavaScript would. Calls return the status and body; they never throw on 4xx.
 */
public class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public record Response(int status, byte[] body, String contentType, java.net.http.HttpHeaders headers) {

        public Response(int status, byte[] body, String contentType) {
            this(status, body, contentType, java.net.http.HttpHeaders.of(Map.of(), (name, value) -> true));
        }

        /** A response header (Location, Retry-After, ...), or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (HTTP " + status + "): " + text(), e);
            }
        }

        /** The API's error code, for asserting refusals. */
        public String code() {
            return json().path("code").asText();
        }

        public String message() {
            return json().path("message").asText();
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + (contentType != null && contentType.contains("json") ? text() : contentType);
        }
    }

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String basicAuth;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Engine REST style: HTTP Basic on every request, no session. */
    public ApiClient basic(String user, String password) {
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Response login(String username, String password) {
        get("/api/auth/csrf");
        return post("/api/auth/login", "{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}");
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path, Object body) {
        return post(path, toJson(body));
    }

    /**
     * A form submitted by a page (application/x-www-form-urlencoded, accepting HTML as a browser does); the CSRF
     * header goes with it as usual.
     */
    public Response postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .setHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A document upload: multipart with the material type and the file. */
    public Response upload(String path, String type, String filename, String contentType, byte[] content) {
        return multipart(path, Map.of("type", type), filename, contentType, content);
    }

    /** A file upload without other fields (the CSV import). */
    public Response uploadFile(String path, String filename, String contentType, byte[] content) {
        return multipart(path, Map.of(), filename, contentType, content);
    }

    private Response multipart(String path, Map<String, String> fields, String filename, String contentType,
            byte[] content) {
        String boundary = "----test" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElse(null);
    }

    public static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, */*");
        String token = cookie("XSRF-TOKEN");
        if (token != null) {
            builder.header("X-XSRF-TOKEN", token);
        }
        if (basicAuth != null) {
            builder.header("Authorization", basicAuth);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return toJson(s);
    }
}
