package org.mailroot.example.viprouter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Route;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.Resolution;

class VipRouterTest {
    /** The router never looks at the session: a proxy that fails on any call proves it. */
    private static final SessionInfo SESSION = (SessionInfo) Proxy.newProxyInstance(
            VipRouterTest.class.getClassLoader(), new Class<?>[] {SessionInfo.class}, (p, m, a) -> {
                throw new AssertionError("unexpected call " + m.getName());
            });

    static VipRouter.Config config(String domain, String folder) {
        return new VipRouter.Config() {
            public Class<? extends Annotation> annotationType() { return VipRouter.Config.class; }
            public String domain() { return domain; }
            public String folder() { return folder; }
        };
    }

    private static Resolution resolve(VipRouter router, String address) {
        return router.resolve(SESSION, MailAddress.parse(address));
    }

    @Test
    void vipRecipientsGoToTheLocalTransportWithTheirFolder() {
        VipRouter router = new VipRouter();
        router.configure(config("vip.example", "vip"));
        Resolution r = resolve(router, "Boss@VIP.example");
        assertEquals(Verdict.Kind.ACCEPT, r.verdict().kind());
        assertEquals(List.of(new Route(Route.LOCAL, MailAddress.parse("Boss@vip.example"), Map.of("folder", "vip"))),
                r.routes());
    }

    @Test
    void otherRecipientsAreDeclinedForTheNextResolver() {
        VipRouter router = new VipRouter();
        router.configure(config("vip.example", "vip"));
        for (String other : new String[] {"user@example.com", "boss@sub.vip.example", "boss@vip.example.org"}) {
            assertEquals(Resolution.decline(), resolve(router, other), other);
        }
        assertEquals(Resolution.decline(), router.resolve(SESSION, MailAddress.nullSender()));
    }

    @Test
    void aNewConfigurationAppliesAndAnInvalidValueKeepsTheOldOne() {
        VipRouter router = new VipRouter();
        router.configure(config("gold.example", "gold"));
        assertEquals("gold", resolve(router, "a@gold.example").routes().get(0).parameters().get("folder"));

        router.configure(config("bad domain", "../escape"));
        assertEquals(Verdict.Kind.ACCEPT, resolve(router, "a@gold.example").verdict().kind(), "domain kept");
        assertEquals("gold", resolve(router, "a@gold.example").routes().get(0).parameters().get("folder"), "folder kept");
        assertEquals(Resolution.decline(), resolve(router, "a@vip.example"));
    }
}
