package dev.roost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.web.devices.DeviceDirectory;
import dev.roost.web.devices.DeviceRoutes;
import dev.roost.web.health.HealthReport;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.router.EndpointNotFound;
import io.javalin.util.ConcurrencyUtil;

/**
 * The HTTP side of the hub: the JSON API and, later, the dashboard, served by Javalin; every route is
 * declared in {@link #routes(JavalinConfig)}.
 *
 * <p>Threading: {@link #start} and {@link #stop} are called by the composition root from one thread;
 * request handlers run on Jetty's pool and only read from the interfaces they are given.
 */
public final class WebServer {

    /**
     * A home hub serves a few phones; a small pool keeps a Raspberry Pi's memory for the broker
     * instead of Jetty's default of 250 threads.
     */
    private static final int MIN_THREADS = 2;
    private static final int MAX_THREADS = 16;

    private final HubStatus status;
    private final DeviceDirectory devices;
    private final ObjectMapper json = new ObjectMapper();
    private Javalin app;

    public WebServer(HubStatus status) {
        this(status, DeviceDirectory.empty());
    }

    public WebServer(HubStatus status, DeviceDirectory devices) {
        this.status = status;
        this.devices = devices;
    }

    /**
     * Starts serving on {@code host} and {@code port} (0 picks a free port) and returns the bound port.
     *
     * @throws IllegalStateException if the server was started before
     */
    public int start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("web server already started");
        }
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.threadPool = ConcurrencyUtil.jettyThreadPool("roost-http", MIN_THREADS, MAX_THREADS, false);
            config.jsonMapper(new JavalinJackson(json, false));
            routes(config);
        });
        app.start(host, port);
        return app.port();
    }

    /** Stops serving and waits for Jetty to shut down; does nothing if the server is not running. */
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private void routes(JavalinConfig config) {
        config.routes.get("/api/health", ctx -> ctx.json(HealthReport.of(status)));
        new DeviceRoutes(devices, json).register(config);

        // Only unmatched routes; a handler that answers 404 for a missing rule or device keeps its own body.
        config.routes.exception(EndpointNotFound.class, (notFound, ctx) ->
                ctx.status(HttpStatus.NOT_FOUND).json(ApiError.notFound(ctx.path())));
    }
}
