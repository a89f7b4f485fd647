import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * End to end against a running portal: requestImageUpload, POST of a 12-megapixel JPEG with the presigned form,
 * confirmImageUpload (timed), as the demo producer, for the cover of one of its brands. Writes the URL of the
 * 480-pixel JPEG rendition to the file given, for the serving benchmark. Run through run-app-bench.sh.
 */
public class ConfirmBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var runs = Integer.parseInt(args[1]);
        var urlFile = Path.of(args[2]);
        var token = find(graphQl(base, null, """
                mutation { login(input: {email: "produsen@kriyanusa.test", password: "kriyanusa-demo"}) { session { accessToken } } }"""),
                "\"accessToken\":\"([^\"]+)\"");
        var brandId = find(graphQl(base, token, "query { brand(slug: \"gerabah-banyumulek-lestari\") { id } }"), "\"id\":\"([^\"]+)\"");
        var times = new long[runs];
        String confirmed = null;
        for (int i = 0; i < runs; i++) {
            var photo = BenchImages.photo(4000, 3000, 100 + i);
            var requested = graphQl(base, token, ("mutation { requestImageUpload(input: {target: BRAND_COVER, targetId: \"%s\", "
                    + "contentType: \"image/jpeg\", sizeBytes: %d}) { upload { id url fields { name value } } userErrors { code } } }").formatted(brandId, photo.length));
            var uploadId = find(requested, "\"id\":\"([^\"]+)\"");
            var post = postToStorage(requested, photo);
            if (post.statusCode() != 204) {
                throw new IllegalStateException("POST " + post.statusCode() + " " + post.body());
            }
            var started = System.nanoTime();
            confirmed = graphQl(base, token, ("mutation { confirmImageUpload(input: {uploadId: \"%s\", alt: {indonesian: \"Sampul\"}}) "
                    + "{ image { renditions { url width format } } userErrors { code message } } }").formatted(uploadId));
            times[i] = (System.nanoTime() - started) / 1_000_000;
            if (!confirmed.contains("\"userErrors\":[]")) {
                throw new IllegalStateException(confirmed);
            }
            System.out.printf("confirm %d: %d ms (%.1f MB JPEG, 4000 x 3000)%n", i + 1, times[i], photo.length / 1e6);
        }
        var sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf("confirmImageUpload of a 12-megapixel JPEG: min %d ms, median %d ms, max %d ms over %d runs (first run: %d ms, cold)%n",
                sorted[0], sorted[runs / 2], sorted[runs - 1], runs, times[0]);
        var rendition = find(confirmed, "\"url\":\"(/media/[0-9a-f]{64}\\.jpg)\",\"width\":480");
        Files.writeString(urlFile, base + rendition);
    }

    /** The file posted with the upload's form fields, in order, as a multipart form (the file last). */
    static HttpResponse<String> postToStorage(String requested, byte[] file) throws Exception {
        var url = find(requested, "\"url\":\"([^\"]+)\"");
        var boundary = "----bench" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        var fields = Pattern.compile("\\{\"name\":\"([^\"]+)\",\"value\":\"([^\"]*)\"\\}").matcher(requested);
        while (fields.find()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields.group(1) + "\"\r\n\r\n"
                    + fields.group(2) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String graphQl(String base, String token, String query) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\n", " ") + "\"}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String find(String body, String regex) {
        var m = Pattern.compile(regex).matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No " + regex + " in " + body);
        }
        return m.group(1);
    }
}
