package dev.roost.hub.settings;

import dev.roost.hub.config.LocationSettings;
import dev.roost.rules.trigger.Location;
import dev.roost.web.settings.HubLocation;
import dev.roost.web.settings.LocationView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The hub's location for the web UI: the one saved on the settings screen, else the config file's, else
 * Greenwich. A change is saved first, then handed to the rules engine, which re-arms its sun triggers.
 *
 * <p>Thread-safe: changes are serialised; the current location is one volatile value.
 */
public final class LocationSetting implements HubLocation {

    private static final Logger log = LoggerFactory.getLogger(LocationSetting.class);
    /** The sources of a location, as {@link LocationView#source()} names them. */
    public static final String SAVED = "settings";
    public static final String DEFAULT = "default";

    private final LocationStore store;
    private final Consumer<Location> apply;
    private volatile LocationView current;

    /**
     * @param start where the hub is at start ({@link #initial})
     * @param apply hands a changed location to the running rules engine
     */
    public LocationSetting(LocationStore store, LocationView start, Consumer<Location> apply) {
        this.store = store;
        this.apply = apply;
        this.current = start;
    }

    /** Where the hub is at start: the saved location when there is one, else the config file's. */
    public static LocationView initial(LocationStore store, LocationSettings config) {
        Optional<Location> saved = store.load();
        return saved.map(l -> view(l, SAVED)).orElseGet(() -> view(
                new Location(config.latitude(), config.longitude(), config.timeZone()),
                config.configured() ? "config" : DEFAULT));
    }

    /** The location a view shows, for the rules engine. */
    public static Location location(LocationView view) {
        return new Location(view.latitude(), view.longitude(), ZoneId.of(view.timeZone()));
    }

    @Override
    public LocationView current() {
        return current;
    }

    @Override
    public synchronized LocationView change(double latitude, double longitude, ZoneId zone) {
        Location location = new Location(latitude, longitude, zone);
        store.save(location);
        apply.accept(location);
        current = view(location, SAVED);
        log.atInfo().addKeyValue("latitude", latitude).addKeyValue("longitude", longitude)
                .addKeyValue("timeZone", zone.getId()).log("location changed on the settings screen");
        return current;
    }

    private static LocationView view(Location location, String source) {
        return new LocationView(location.latitude(), location.longitude(), location.zone().getId(), source);
    }
}
