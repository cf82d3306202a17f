package org.mailroot.api.delivery;

import java.util.List;
import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.mailroot.api.Route;
import org.osgi.annotation.versioning.ProviderType;

/** One delivery attempt of one queued message to the routes of one transport. */
@ProviderType
public interface Delivery {
    Envelope envelope();

    /** The routes to deliver now: all of this transport, none already delivered. */
    List<Route> routes();

    /** The message as stored, Received header included. */
    MessageContent content();

    /** 1 for the first attempt, then counting retries. */
    int attempt();
}
