package dev.roost.hub.broker;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/** Routes a Paho client's unsolicited messages (e.g. a resumed session's queue) to a {@link Received}. */
public final class CallbackAdapter implements MqttCallback {

    private final Received received;

    public CallbackAdapter(Received received) {
        this.received = received;
    }

    @Override
    public void connectionLost(Throwable cause) {
        // tests observe loss through isConnected()
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        received.messageArrived(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // publishers in tests wait on their tokens directly
    }
}
