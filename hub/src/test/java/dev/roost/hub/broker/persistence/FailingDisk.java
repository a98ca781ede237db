package dev.roost.hub.broker.persistence;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A disk that can fail on demand, the way a full SD card does (every database call answers an error), or slow
 * down, the way a worn one does (every call on a connection takes longer).
 */
final class FailingDisk {
    volatile boolean failing;
    volatile long slowMillis;
    /** Calls on its connections so far. */
    final AtomicInteger calls = new AtomicInteger();

    DataSource wrap(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        failIfFailing();
                        return wrap((Connection) invoke(real, method, args));
                    }
                    return invoke(real, method, args);
                });
    }

    private Connection wrap(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("close") && !method.getName().equals("rollback")) {
                        calls.incrementAndGet();
                        failIfFailing();
                        Thread.sleep(slowMillis);
                    }
                    return invoke(real, method, args);
                });
    }

    private void failIfFailing() throws SQLException {
        if (failing) {
            throw new SQLException("No space left on device");
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
