package org.mailroot.relay;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Forward-confirmed reverse DNS on dnsjava, against the configured servers or the system's
 * (resolv.conf). Chosen over the JDK resolver because the servers and the timeout are ours to
 * set per configuration (the JDK's are process-wide), a temporary failure is told apart from
 * "no name" (the JDK throws the same exception for both), and answers are cached by their TTL in
 * a cache of this instance. Blocking: runs on the listener's hook workers.
 */
final class DnsReverseResolver implements ReverseResolver {
    /** At most this many PTR names are checked (a client could publish hundreds). */
    private static final int MAX_NAMES = 10;

    private final Resolver resolver;
    private final Cache cache = new Cache(DClass.IN);

    /** @param servers host or host:port (IPv6 in brackets), empty for the system's servers */
    DnsReverseResolver(List<String> servers, Duration timeout) throws UnknownHostException {
        if (servers.isEmpty()) {
            resolver = new ExtendedResolver();
        } else {
            List<Resolver> list = new ArrayList<>();
            for (String s : servers) {
                list.add(new SimpleResolver(RelaySettings.socketAddress(s)));
            }
            resolver = new ExtendedResolver(list);
        }
        resolver.setTimeout(timeout);
    }

    @Override
    public Result verify(InetAddress client) {
        InetAddress address = Cidr.normalise(client);
        Lookup ptr = lookup(ReverseMap.fromAddress(address), Type.PTR);
        Record[] names = ptr.run();
        if (ptr.getResult() == Lookup.TRY_AGAIN) {
            return Result.TEMPORARY_FAILURE;
        }
        if (names == null) {
            return Result.NONE;
        }
        boolean temporary = false;
        for (int i = 0; i < Math.min(MAX_NAMES, names.length); i++) {
            Name name = ((PTRRecord) names[i]).getTarget();
            Lookup forward = lookup(name, address.getAddress().length == 4 ? Type.A : Type.AAAA);
            Record[] addresses = forward.run();
            temporary |= forward.getResult() == Lookup.TRY_AGAIN;
            for (Record r : addresses == null ? new Record[0] : addresses) {
                InetAddress a = r instanceof ARecord ar ? ar.getAddress()
                        : r instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
                if (address.equals(a)) {
                    return Result.verified(name.toString(true));
                }
            }
        }
        return temporary ? Result.TEMPORARY_FAILURE : Result.NONE;
    }

    private Lookup lookup(Name name, int type) {
        Lookup l = new Lookup(name, type, DClass.IN);
        l.setResolver(resolver);
        l.setCache(cache);
        l.setSearchPath((Name[]) null);
        return l;
    }
}
