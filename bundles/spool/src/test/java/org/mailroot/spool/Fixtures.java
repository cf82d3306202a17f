package org.mailroot.spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.mailroot.api.Envelope;
import org.mailroot.api.MailAddress;
import org.mailroot.api.MessageContent;
import org.mailroot.api.Recipient;
import org.mailroot.api.Route;
import org.mailroot.api.delivery.Delivery;
import org.mailroot.api.delivery.DeliveryStatus;
import org.mailroot.api.delivery.DeliveryTransport;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.log.EventPublisher;
import org.mailroot.api.log.MailEvent;
import org.mailroot.spool.delivery.Transports;
import org.mailroot.spool.events.Events;

/** Shared test helpers: messages, a recording transport, an event recorder, an engine factory. */
public final class Fixtures {
    private Fixtures() {
    }

    public static MessageContent content(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new MessageContent() {
            @Override
            public long size() {
                return b.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(b);
            }
        };
    }

    public static String read(MessageContent c) throws IOException {
        try (InputStream in = c.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static Envelope envelope(String id, Route... routes) {
        Envelope.Builder b = Envelope.builder().id(id).sender(MailAddress.parse("alice@example.org"))
                .received(Instant.now()).listenerName("default").clientAddress("192.0.2.1");
        for (Route r : routes) {
            b.addRecipient(Recipient.of(r.recipient(), List.of(r)));
        }
        return b.build();
    }

    public static Route route(String transport, String address) {
        return new Route(transport, MailAddress.parse(address), Map.of());
    }

    /** A delivery seen by a transport, with the content read at that time. */
    public record Seen(Delivery delivery, String content) {
    }

    /** A transport answering with a function of the route, recording every call. */
    public static final class RecordingTransport implements DeliveryTransport {
        public final BlockingQueue<Seen> calls = new LinkedBlockingQueue<>();
        private final Function<Route, DeliveryStatus> answer;

        public RecordingTransport(Function<Route, DeliveryStatus> answer) {
            this.answer = answer;
        }

        @Override
        public List<DeliveryStatus> deliver(Delivery d) throws Exception {
            calls.add(new Seen(d, read(d.content())));
            return d.routes().stream().map(answer).toList();
        }

        public Seen next() throws InterruptedException {
            Seen s = calls.poll(10, TimeUnit.SECONDS);
            if (s == null) {
                throw new AssertionError("no delivery within 10 s");
            }
            return s;
        }
    }

    /** Records published events. */
    public static final class Recorder implements EventPublisher {
        public final BlockingQueue<MailEvent> events = new LinkedBlockingQueue<>();

        @Override
        public void publish(MailEvent event) {
            events.add(event);
        }

        @Override
        public long dropped() {
            return 0;
        }

        /** The next event of that type, skipping others. */
        public MailEvent next(MailEvent.Type type) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                MailEvent e = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e != null && e.type() == type) {
                    return e;
                }
            }
            throw new AssertionError("no " + type + " event within 10 s");
        }
    }

    public static SpoolEngine engine(Path root, Transports transports, List<RecipientResolver> resolvers,
            Recorder recorder) throws IOException {
        SpoolSettings s = SpoolSettings.defaults(root).withPickupTiming(Duration.ZERO, Duration.ofMillis(200));
        return new SpoolEngine(s, transports, () -> resolvers, new Events(() -> recorder)).start();
    }

    public static Transports transports(String name, DeliveryTransport t) {
        Transports ts = new Transports();
        if (t != null) {
            ts.add(t, Map.of(DeliveryTransport.TRANSPORT, name));
        }
        return ts;
    }
}
