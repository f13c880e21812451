import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Posts sample articles to ingest-service. Runs with only a JDK:
 * {@code java samples/LoadSamples.java http://127.0.0.1:8081 samples/articles [more files or folders]}.
 * When {@code NEWSLENS_API_KEY} is set (the service then requires it on writes), it is sent as {@code X-API-Key}.
 *
 * <p>{@code .json} files are posted as they are. {@code .txt} files are plain reports: the first line
 * is the title, the rest the text.
 */
public class LoadSamples {

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: java LoadSamples.java <ingest-url> <file or folder>...");
            System.exit(2);
        }
        HttpClient http = HttpClient.newHttpClient();
        URI endpoint = URI.create(args[0] + "/api/v1/articles");
        String apiKey = System.getenv("NEWSLENS_API_KEY");
        int failures = 0;
        for (int i = 1; i < args.length; i++) {
            for (Path file : samples(Path.of(args[i]))) {
                HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(file)));
                if (apiKey != null && !apiKey.isEmpty()) {
                    request.header("X-API-Key", apiKey);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                boolean accepted = response.statusCode() == 200 || response.statusCode() == 201;
                failures += accepted ? 0 : 1;
                System.out.printf("  %-40s %d %s%n", file.getFileName(), response.statusCode(), response.body());
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static List<Path> samples(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static String body(Path file) throws IOException {
        String content = Files.readString(file);
        if (file.toString().endsWith(".json")) {
            return content;
        }
        String[] titleAndText = content.strip().split("\\R", 2);
        return "{\"title\": " + quote(titleAndText[0]) + ", \"text\": " + quote(titleAndText.length > 1 ? titleAndText[1].strip() : "")
                + ", \"source\": \"NewsLens Samples\"}";
    }

    private static String quote(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }
}
