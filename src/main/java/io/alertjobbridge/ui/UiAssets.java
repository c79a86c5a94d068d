package io.alertjobbridge.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.alertjobbridge.api.NotFoundException;

/**
 * The status page's static files, read from one classpath folder. A request names a file by a
 * single path segment that must look like {@code app.js}: no slash, no backslash, no leading dot,
 * so no name can reach outside the folder (no {@code ..}, no absolute path, no encoded separator
 * once the HTTP layer has decoded it). Only extensions with a known content type are served, so a
 * file is never sent with a type the browser would have to guess.
 */
public final class UiAssets {

    /** The page itself, served for {@code /ui}. */
    public static final String INDEX = "index.html";

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");
    private static final int MAX_NAME_LENGTH = 100;

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8");

    /** One file of the page, with the Content-Type to send it with. */
    public record Asset(String name, String contentType, byte[] content) {
    }

    private final ClassLoader loader;
    private final String folder;
    // The files live in the jar and never change while the process runs.
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** @param folder the classpath folder holding the files, e.g. {@code ui} */
    public UiAssets(ClassLoader loader, String folder) {
        this.loader = Objects.requireNonNull(loader, "loader");
        if (folder == null || folder.isBlank() || folder.startsWith("/") || folder.endsWith("/")) {
            throw new IllegalArgumentException("the asset folder must be a relative classpath folder without"
                    + " leading or trailing slash, got '" + folder + "'");
        }
        this.folder = folder;
    }

    /** The page, for {@code GET /ui}. */
    public Asset index() {
        return find(INDEX);
    }

    /**
     * The file of that name in the folder.
     *
     * @throws NotFoundException (answered 404) for a name that is unsafe, has no known content type or
     *                           names no file; the message never says which, nor echoes more than the name
     */
    public Asset find(String name) {
        if (!isSafeName(name)) {
            throw new NotFoundException("no such file in the status page");
        }
        String type = contentTypeOf(name);
        if (type == null) {
            throw new NotFoundException("no such file in the status page");
        }
        Asset cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = loader.getResourceAsStream(folder + "/" + name)) {
            if (in == null) {
                throw new NotFoundException("no such file in the status page: " + name);
            }
            Asset asset = new Asset(name, type, in.readAllBytes());
            cache.put(name, asset);
            return asset;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + folder + "/" + name + " from the classpath", e);
        }
    }

    /** True for one path segment of letters, digits, '-', '_' and inner dots: nothing that can leave the folder. */
    static boolean isSafeName(String name) {
        return name != null && name.length() <= MAX_NAME_LENGTH && SAFE_NAME.matcher(name).matches();
    }

    /** The Content-Type for the file's extension, or null when it is not one the page uses. */
    static String contentTypeOf(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        return CONTENT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
