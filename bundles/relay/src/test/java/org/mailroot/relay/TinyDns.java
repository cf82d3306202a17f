package org.mailroot.relay;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.AAAARecord;
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

/** A UDP DNS server on 127.0.0.1 answering PTR, A and AAAA from what the test declares; SERVFAIL for chosen names. */
final class TinyDns implements AutoCloseable {
    private final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final List<String> failing = new CopyOnWriteArrayList<>();
    final List<String> questions = new CopyOnWriteArrayList<>();

    TinyDns() throws IOException {
        Thread t = new Thread(this::serve, "tiny-dns");
        t.setDaemon(true);
        t.start();
    }

    String server() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    TinyDns ptr(String ip, String name) throws IOException {
        Name r = ReverseMap.fromAddress(InetAddress.getByName(ip));
        return add(new PTRRecord(r, DClass.IN, 60, Name.fromString(name + ".")));
    }

    TinyDns address(String name, String ip) throws IOException {
        Name n = Name.fromString(name + ".");
        InetAddress a = InetAddress.getByName(ip);
        return add(a.getAddress().length == 4 ? new ARecord(n, DClass.IN, 60, a) : new AAAARecord(n, DClass.IN, 60, a));
    }

    /** Answers SERVFAIL for this name (any type): a temporary failure. */
    TinyDns servfail(String name) {
        failing.add(name.toLowerCase() + ".");
        return this;
    }

    private TinyDns add(Record r) {
        records.computeIfAbsent(key(r.getName(), r.getType()), k -> new CopyOnWriteArrayList<>()).add(r);
        return this;
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
                Message q = new Message(Arrays.copyOf(in.getData(), in.getLength()));
                Message reply = new Message(q.getHeader().getID());
                reply.getHeader().setFlag(Flags.QR);
                reply.getHeader().setFlag(Flags.AA);
                reply.addRecord(q.getQuestion(), Section.QUESTION);
                String key = key(q.getQuestion().getName(), q.getQuestion().getType());
                questions.add(key);
                List<Record> found = records.get(key);
                if (failing.contains(q.getQuestion().getName().toString().toLowerCase())) {
                    reply.getHeader().setRcode(Rcode.SERVFAIL);
                } else if (found == null) {
                    reply.getHeader().setRcode(Rcode.NXDOMAIN);
                } else {
                    found.forEach(r -> reply.addRecord(r, Section.ANSWER));
                }
                byte[] out = reply.toWire(512);
                socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                // malformed: ignore
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
