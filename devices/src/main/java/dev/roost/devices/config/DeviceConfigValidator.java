package dev.roost.devices.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole list of device declarations and reports every problem as a value, so a user fixes the
 * configuration in one pass instead of one restart per mistake.
 *
 * <p>Stateless and thread-safe.
 */
public final class DeviceConfigValidator {

    /** Ids become MQTT topic levels and URL path segments, so they stay in a safe, lower-case alphabet. */
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    /** GPIO 0..27 are the BCM numbers brought out on the 40-pin header of every Raspberry Pi since the B+. */
    static final int MIN_GPIO = 0;
    static final int MAX_GPIO = 27;

    /** Returns all errors in the declarations, in declaration order; an empty list means they can be used. */
    public List<DeviceConfigError> validate(List<DeviceSpec> devices) {
        List<DeviceConfigError> errors = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        Map<Integer, String> pinOwners = new HashMap<>();
        for (int index = 0; index < devices.size(); index++) {
            DeviceSpec device = devices.get(index);
            if (device == null) {
                errors.add(new DeviceConfigError(index, null, "id", "is required (the entry is empty)"));
                continue;
            }
            Reporter report = new Reporter(index, device.id(), errors);
            checkId(device.id(), seenIds, report);
            if (device.type() == null) {
                report.add("type", "is required, one of " + knownTypes());
                continue;
            }
            DeviceType.fromConfigName(device.type()).ifPresentOrElse(
                    type -> {
                        checkWiring(device, type, pinOwners, report);
                        OptionRules.check(device, type, problem -> report.add(problem.field(), problem.reason()));
                    },
                    () -> report.add("type", "'" + device.type() + "' is not one of " + knownTypes()));
        }
        return List.copyOf(errors);
    }

    private static void checkId(String id, Set<String> seenIds, Reporter report) {
        if (id == null || id.isEmpty()) {
            report.add("id", "is required");
        } else if (!ID.matcher(id).matches()) {
            report.add("id", "may only contain a-z, 0-9 and '-'");
        } else if (!seenIds.add(id)) {
            report.add("id", "is declared more than once");
        }
    }

    private static void checkWiring(DeviceSpec device, DeviceType type, Map<Integer, String> pinOwners,
                                    Reporter report) {
        if (type.wiring() == DeviceType.Wiring.BUS_ADDRESS) {
            if (device.address() == null || device.address().isBlank()) {
                report.add("address", "is required for a " + type.configName());
            }
            return;
        }
        Integer pin = device.pin();
        if (pin == null) {
            report.add("pin", "is required for a " + type.configName());
        } else if (pin < MIN_GPIO || pin > MAX_GPIO) {
            report.add("pin", "GPIO " + pin + " does not exist: the header has GPIO " + MIN_GPIO + ".." + MAX_GPIO
                    + " (BCM numbering)");
        } else {
            String owner = pinOwners.putIfAbsent(pin, device.id());
            if (owner != null) {
                report.add("pin", "GPIO " + pin + " is already used by '" + owner + "'");
            }
        }
    }

    private static List<String> knownTypes() {
        List<String> known = new ArrayList<>();
        for (DeviceType t : DeviceType.values()) {
            known.add(t.configName());
        }
        return known;
    }

    /** Collects the errors of one declaration, stamped with its position and id. */
    private record Reporter(int index, String deviceId, List<DeviceConfigError> errors) {
        void add(String field, String reason) {
            errors.add(new DeviceConfigError(index, deviceId, field, reason));
        }
    }
}
