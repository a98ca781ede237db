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
        for (DeviceSpec device : devices) {
            String id = device.id();
            checkId(id, seenIds, errors);
            DeviceType.fromConfigName(device.type()).ifPresentOrElse(
                    type -> checkWiring(device, type, pinOwners, errors),
                    () -> errors.add(new DeviceConfigError(id, "type", unknownType(device.type()))));
        }
        return List.copyOf(errors);
    }

    private static void checkId(String id, Set<String> seenIds, List<DeviceConfigError> errors) {
        if (id == null || id.isEmpty()) {
            errors.add(new DeviceConfigError(id, "id", "is required"));
        } else if (!ID.matcher(id).matches()) {
            errors.add(new DeviceConfigError(id, "id", "may only contain a-z, 0-9 and '-'"));
        } else if (!seenIds.add(id)) {
            errors.add(new DeviceConfigError(id, "id", "is declared more than once"));
        }
    }

    private static void checkWiring(DeviceSpec device, DeviceType type, Map<Integer, String> pinOwners,
                                    List<DeviceConfigError> errors) {
        String id = device.id();
        if (type.wiring() == DeviceType.Wiring.BUS_ADDRESS) {
            if (device.address() == null || device.address().isBlank()) {
                errors.add(new DeviceConfigError(id, "address", "is required for a " + type.configName()));
            }
            return;
        }
        Integer pin = device.pin();
        if (pin == null) {
            errors.add(new DeviceConfigError(id, "pin", "is required for a " + type.configName()));
        } else if (pin < MIN_GPIO || pin > MAX_GPIO) {
            errors.add(new DeviceConfigError(id, "pin",
                    "GPIO " + pin + " is outside " + MIN_GPIO + ".." + MAX_GPIO + " (BCM numbering)"));
        } else {
            String owner = pinOwners.putIfAbsent(pin, id);
            if (owner != null) {
                errors.add(new DeviceConfigError(id, "pin", "GPIO " + pin + " is already used by '" + owner + "'"));
            }
        }
    }

    private static String unknownType(String type) {
        List<String> known = new ArrayList<>();
        for (DeviceType t : DeviceType.values()) {
            known.add(t.configName());
        }
        return "'" + type + "' is not one of " + known;
    }
}
