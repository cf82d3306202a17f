package org.mailroot.delivery.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.mailroot.api.Envelope;
import org.mailroot.api.MailAddress;
import org.mailroot.api.MessageContent;
import org.mailroot.api.Route;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.delivery.Delivery;
import org.mailroot.api.spool.Folder;
import org.mailroot.api.spool.Spool;

/** Small hand-written fakes of the API services, so tests need no framework. */
final class Fakes {
    static final Instant RECEIVED = Instant.ofEpochSecond(1_790_000_000L);

    private Fakes() {
    }

    static SessionInfo session(String serverName) {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        return new SessionInfo() {
            public String id() { return "s1"; }
            public String listenerName() { return "default"; }
            public String serverName() { return serverName; }
            public InetSocketAddress remoteAddress() { return new InetSocketAddress("192.0.2.1", 40000); }
            public InetSocketAddress localAddress() { return new InetSocketAddress("192.0.2.2", 25); }
            public Optional<String> reverseName() { return Optional.empty(); }
            public Optional<String> heloName() { return Optional.of("client.test"); }
            public boolean extended() { return true; }
            public boolean secure() { return false; }
            public Optional<String> authenticatedUser() { return Optional.empty(); }
            public Map<String, Object> attributes() { return attributes; }
        };
    }

    /** A spool that only knows its folders, under {@code root}. */
    static Spool spool(Path root) {
        return new Spool() {
            public CompletionStage<Void> store(Envelope envelope, MessageContent content) {
                throw new UnsupportedOperationException();
            }
            public Path folder(Folder folder) { return root.resolve(folder.directoryName()); }
            public int queueLength() { return 0; }
            public String newMessageId() { return "id"; }
        };
    }

    static MessageContent content(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new MessageContent() {
            public long size() { return bytes.length; }
            public InputStream open() { return new ByteArrayInputStream(bytes); }
        };
    }

    /** Content whose stream fails half-way, like a disk error while reading Queue/. */
    static MessageContent failingContent() {
        return new MessageContent() {
            public long size() { return 10; }
            public InputStream open() {
                return new InputStream() {
                    public int read() throws IOException { throw new IOException("disk error"); }
                };
            }
        };
    }

    static Delivery delivery(String id, String sender, MessageContent content, List<Route> routes) {
        Envelope envelope = Envelope.builder().id(id).sender(MailAddress.parse(sender))
                .received(RECEIVED).build();
        return new Delivery() {
            public Envelope envelope() { return envelope; }
            public List<Route> routes() { return routes; }
            public MessageContent content() { return content; }
            public int attempt() { return 1; }
        };
    }

    static Route local(String address) {
        MailAddress a = MailAddress.parse(address);
        return RouteParameters.localRoute(a, Mailboxes.normalize(a.localPart()), a.domain());
    }

    static LocalDeliveryConfig config(String format, boolean acceptUnknownUsers) {
        return new LocalDeliveryConfig() {
            public Class<? extends Annotation> annotationType() { return LocalDeliveryConfig.class; }
            public String format() { return format; }
            public boolean acceptUnknownUsers() { return acceptUnknownUsers; }
        };
    }

    static DomainConfiguration.Config domain(String name, boolean alias, boolean isDefault, String... mailboxes) {
        return new DomainConfiguration.Config() {
            public Class<? extends Annotation> annotationType() { return DomainConfiguration.Config.class; }
            public String name() { return name; }
            public boolean alias() { return alias; }
            public boolean default$() { return isDefault; }
            public String[] mailboxes() { return mailboxes; }
        };
    }
}
