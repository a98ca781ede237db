package dev.roost.web.pages;

import dev.roost.web.auth.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard's pages, scripts and styles, read once from the jar's {@code /public} and served from memory.
 * They hold no data, so they need no login; the data comes from the API, which does. The policy forbids inline
 * scripts and other origins.
 *
 * <p>Not Javalin's static files: Jetty mounts the whole jar as a zip file system for them, whose index of the
 * fat jar's entries alone took some 18 MB of a 64 MB heap.
 */
public final class Pages {

    /** Every file under {@code /public}; a test checks the list against the folder. */
    static final List<String> FILES = List.of("index.html", "app.css", "icon.svg", "js/app.js", "js/api.js",
            "js/dom.js", "js/login.js", "js/dashboard.js", "js/rules.js",
            "js/broker.js", "js/acl.js", "js/ruleform.js", "js/ruleyaml.js", "js/history.js", "js/chart.js",
            "js/settings.js");
    /**
     * The history screen's chart library, uPlot, served from its webjar under names without its version; the
     * version is read from the webjar, so upgrading it is a change of the pom alone.
     */
    static final Map<String, String> VENDOR = Map.of(
            "vendor/uplot.js", "dist/uPlot.iife.min.js",
            "vendor/uplot.css", "dist/uPlot.min.css");
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    private static final Map<String, String> HEADERS = Map.of(
            "Cache-Control", "no-cache",
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'");

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    public Pages() {
        for (String name : FILES) {
            files.put(name, read("/public/" + name));
        }
        String uplot = "/META-INF/resources/webjars/uplot/" + webjarVersion(UPLOT_POM) + "/";
        VENDOR.forEach((name, path) -> files.put(name, read(uplot + path)));
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, "index.html"), Access.ANYONE);
        for (String name : files.keySet()) {
            routes.get("/" + name, ctx -> serve(ctx, name), Access.ANYONE);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Pages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion(String pomProperties) {
        Properties properties = new Properties();
        try (InputStream in = new ByteArrayInputStream(read(pomProperties))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private void serve(Context ctx, String name) {
        HEADERS.forEach(ctx::header);
        ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1))).result(files.get(name));
    }
}
