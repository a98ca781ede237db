package dev.roost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.roost.web.auth.Access;
import dev.roost.web.auth.AuthFilter;
import dev.roost.web.auth.AuthRoutes;
import dev.roost.web.auth.LoginThrottle;
import dev.roost.web.auth.Sessions;
import dev.roost.web.auth.TokenRoutes;
import dev.roost.web.broker.BrokerRoutes;
import dev.roost.web.devices.DeviceRoutes;
import dev.roost.web.health.HealthReport;
import dev.roost.web.history.HistoryRoutes;
import dev.roost.web.pages.Pages;
import dev.roost.web.metrics.MetricsRoutes;
import dev.roost.web.live.LiveRoutes;
import dev.roost.web.rules.RuleRoutes;
import dev.roost.web.settings.SettingsRoutes;
import dev.roost.web.users.AclRoutes;
import dev.roost.web.users.UserRoutes;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.router.EndpointNotFound;
import io.javalin.util.ConcurrencyUtil;

import io.javalin.router.Endpoint;
import io.javalin.security.Roles;

import java.util.List;
import java.util.Set;

/**
 * The HTTP side of the hub: the JSON API and the dashboard's pages, served by Javalin; every route is
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
    private final AuthFilter authFilter;
    private final AuthRoutes authRoutes;
    private final UserRoutes userRoutes;
    private final TokenRoutes tokenRoutes;
    private final AclRoutes aclRoutes;
    /** Times as ISO-8601 text ({@code 2026-11-25T08:00:00Z}), durations as seconds, so any client can read them. */
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final DeviceRoutes deviceRoutes;
    private final RuleRoutes ruleRoutes;
    private final MetricsRoutes metricsRoutes;
    private final LiveRoutes liveRoutes;
    private final BrokerRoutes brokerRoutes;
    private final HistoryRoutes historyRoutes;
    private final SettingsRoutes settingsRoutes;
    private final Pages pages = new Pages();
    private Javalin app;

    public WebServer(WebServices services) {
        this.status = services.status();
        Sessions sessions = new Sessions(services.clock());
        this.authFilter = new AuthFilter(sessions, services.accounts(), services.tokens());
        this.authRoutes = new AuthRoutes(sessions, services.accounts(), new LoginThrottle(services.clock()));
        this.userRoutes = new UserRoutes(services.users());
        this.tokenRoutes = new TokenRoutes(services.apiTokens());
        this.aclRoutes = new AclRoutes(services.topicAccess());
        this.deviceRoutes = new DeviceRoutes(services.devices(), json);
        this.ruleRoutes = new RuleRoutes(services.rules());
        this.metricsRoutes = new MetricsRoutes(services.metrics());
        this.liveRoutes = new LiveRoutes(services.live(), json);
        this.brokerRoutes = new BrokerRoutes(services.broker());
        this.historyRoutes = new HistoryRoutes(services.history(), services.clock());
        this.settingsRoutes = new SettingsRoutes(services.location());
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

    /** One declared route, for checks that walk them all; {@code open} when it needs no login. */
    public record Route(String method, String path, boolean open) {
    }

    /** The HTTP routes of the running server. */
    public List<Route> routes() {
        if (app == null) {
            throw new IllegalStateException("web server not started");
        }
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method.isHttpMethod()).map(parsed -> {
            Endpoint endpoint = parsed.endpoint;
            Roles roles = endpoint.metadata(Roles.class);
            Set<?> granted = roles == null ? Set.of() : roles.getRoles();
            return new Route(endpoint.method.name(), endpoint.path, granted.contains(Access.ANYONE));
        }).toList();
    }

    /** Stops serving and waits for Jetty to shut down; does nothing if the server is not running. */
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }

    /** Every route of the API; one without an {@link Access} role needs a logged-in user. */
    private void routes(JavalinConfig config) {
        config.routes.beforeMatched(authFilter);
        config.routes.get("/api/health", ctx -> ctx.json(HealthReport.of(status)), Access.ANYONE);
        pages.register(config.routes);
        authRoutes.register(config.routes);
        userRoutes.register(config.routes);
        tokenRoutes.register(config.routes);
        aclRoutes.register(config.routes);
        deviceRoutes.register(config);
        ruleRoutes.register(config.routes);
        metricsRoutes.register(config.routes);
        liveRoutes.register(config.routes);
        brokerRoutes.register(config.routes);
        historyRoutes.register(config.routes);
        settingsRoutes.register(config.routes);

        config.routes.exception(ApiException.class, (failure, ctx) -> ctx.status(failure.status()).json(failure.body()));
        // Only unmatched routes; a handler that answers 404 for a missing rule or device keeps its own body.
        config.routes.exception(EndpointNotFound.class, (notFound, ctx) ->
                ctx.status(HttpStatus.NOT_FOUND).json(ApiError.notFound(ctx.path())));
    }
}
