package org.mailroot.itests.harness;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative DNS server on 127.0.0.1 (UDP, ephemeral port) that answers PTR and A
 * queries from what the test declares, NXDOMAIN for anything else: the real name resolution path
 * the server's verified reverse lookups go through (its dnsServers point here). Every question is
 * recorded, so a test can tell that a lookup happened.
 */
public final class DnsResponder implements AutoCloseable {
    private static final long TTL = 60;
    private final DatagramSocket socket;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public DnsResponder() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "itest-dns");
        thread.setDaemon(true);
        thread.start();
    }

    /** The server as the relay bundle's dnsServers key wants it. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** The reverse record of an address. */
    public DnsResponder ptr(String ip, String name) throws IOException {
        Name reverse = ReverseMap.fromAddress(InetAddress.getByName(ip));
        add(reverse, new PTRRecord(reverse, DClass.IN, TTL, Name.fromString(name + ".")));
        return this;
    }

    /** The forward (A) record of a name. */
    public DnsResponder a(String name, String ip) throws IOException {
        Name n = Name.fromString(name + ".");
        add(n, new ARecord(n, DClass.IN, TTL, InetAddress.getByName(ip)));
        return this;
    }

    /** Questions asked so far, as "name TYPE". */
    public List<String> questions() {
        return List.copyOf(questions);
    }

    private void add(Name name, Record r) {
        records.computeIfAbsent(key(name, r.getType()), k -> new CopyOnWriteArrayList<>()).add(r);
    }

    private static String key(Name name, int type) {
        return name.toString().toLowerCase() + " " + Type.string(type);
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                socket.receive(in);
                Message query = new Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
                byte[] out = answer(query).toWire(512);
                socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                // a malformed datagram: ignore it, as a real server would
            }
        }
    }

    private Message answer(Message query) {
        Record q = query.getQuestion();
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
        }
        reply.addRecord(q, Section.QUESTION);
        String key = key(q.getName(), q.getType());
        questions.add(key);
        List<Record> found = records.get(key);
        if (found == null) {
            reply.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            found.forEach(r -> reply.addRecord(r, Section.ANSWER));
        }
        return reply;
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
