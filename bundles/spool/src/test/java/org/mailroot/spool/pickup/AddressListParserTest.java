package org.mailroot.spool.pickup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailroot.api.MailAddress;

class AddressListParserTest {
    private static List<String> parse(String s) {
        return AddressListParser.parse(s).stream().map(MailAddress::address).toList();
    }

    @Test
    void displayNamesQuotesAndComments() {
        assertEquals(List.of("a@x.org", "b@y.org", "c@z.org", "d@w.org"),
                parse(" \"Smith, John\" <a@x.org>, b@y.org (Bee, (nested) comment), Carl <c@z.org>,"
                        + " (lead) d@w.org"));
    }

    @Test
    void groupsAndEmptyGroups() {
        assertEquals(List.of("a@x.org", "b@x.org", "c@x.org"),
                parse("Team: a@x.org, Bea <b@x.org>;, undisclosed-recipients:;, c@x.org"));
    }

    @Test
    void quotedLocalPartsUtf8AndObsoleteRoutes() {
        assertEquals(List.of("\"j doe\"@x.org", "用户@例子.广告", "r@x.org"),
                parse("\"j doe\"@x.org, 用户@例子.广告, <@relay.example:r@x.org>"));
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> parse("not an address"));
        assertThrows(IllegalArgumentException.class, () -> parse("Bob <bob@x.org"));
    }
}
