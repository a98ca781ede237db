package dev.roost.devices.driver;

import dev.roost.devices.device.DeviceEvents;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event a device reports, in order, so a test can assert on exactly what was published. */
final class RecordedEvents implements DeviceEvents {

    record Event(String kind, String deviceId, Object value) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void state(String deviceId, Map<String, Object> state) {
        events.add(new Event("state", deviceId, Map.copyOf(state)));
    }

    @Override
    public void availability(String deviceId, boolean online) {
        events.add(new Event("availability", deviceId, online));
    }

    @Override
    public void error(String deviceId, String field, String detail) {
        events.add(new Event("error", deviceId, detail));
    }

    List<Object> states() {
        return events.stream().filter(e -> e.kind().equals("state")).map(Event::value).toList();
    }

    List<Object> of(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).map(Event::value).toList();
    }
}
