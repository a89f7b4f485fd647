package id.kriyanusa.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Uploads images over real HTTP, as clients do, for the media tests and other modules'
 * tests that need real images.
 */
public final class MediaApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MediaApi() {
    }

    /**
     * Posts the upload form as multipart/form-data, with a bearer token as API clients
     * do.
     */
    public static HttpResponse<String> uploadForm(int port, String target, String targetId, String filename,
            String contentType, byte[] bytes, String token) throws IOException, InterruptedException {
        var form = multipart(Map.of("target", target, "targetId", targetId, "altId", "Foto uji"), filename, contentType,
                bytes);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/media/uploads"))
            .header("Content-Type", form.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Posts a file straight to object storage with the form {@code requestImageUpload}
     * granted (its {@code url} and {@code fields}), as a browser or app does; a field
     * given in {@code changed} is sent with that value instead.
     */
    public static HttpResponse<String> postToStorage(Map<String, Object> upload, byte[] file,
            Map<String, String> changed) throws IOException, InterruptedException {
        var fields = new LinkedHashMap<String, String>();
        @SuppressWarnings("unchecked")
        var granted = (List<Map<String, String>>) upload.get("fields");
        granted.forEach(field -> fields.put(field.get("name"), field.get("value")));
        fields.putAll(changed);
        var form = multipart(fields, "photo", fields.get("Content-Type"), file);
        return HTTP.send(HttpRequest.newBuilder(URI.create((String) upload.get("url")))
            .header("Content-Type", form.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> postToStorage(Map<String, Object> upload, byte[] file)
            throws IOException, InterruptedException {
        return postToStorage(upload, file, Map.of());
    }

    /**
     * A multipart/form-data body as browsers and apps send it: its Content-Type header
     * (with the boundary) and bytes.
     */
    public record Multipart(String contentType, byte[] body) {
    }

    /** The text fields, then one file in the part named {@code file}. */
    public static Multipart multipart(Map<String, String> fields, String filename, String contentType, byte[] file)
            throws IOException {
        var boundary = "----kriyanusa" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /**
     * A JPEG photo with bytes no other test has, so its content-addressed keys are its
     * own.
     */
    public static byte[] uniquePhoto(int width, int height) throws IOException {
        return TestImages.uniqueJpeg(width, height);
    }

}
