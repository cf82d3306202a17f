package org.mailroot.admin.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;

class MetatypeCheckTest {
    /** A metatype attribute as Felix metatype gives it: an id, a type, options, a cardinality. */
    record Ad(String id, int type, String[] options, int cardinality) implements AttributeDefinition {
        public String getName() { return id; }
        public String getID() { return id; }
        public String getDescription() { return ""; }
        public int getCardinality() { return cardinality; }
        public int getType() { return type; }
        public String[] getOptionValues() { return options; }
        public String[] getOptionLabels() { return options; }
        public String validate(String value) { return ""; }
        public String[] getDefaultValue() { return null; }
    }

    @Test
    void integersBooleansAndOptionsNameWhatIsAllowed() {
        Ad max = new Ad("maxRecipients", AttributeDefinition.INTEGER, null, 0);
        assertEquals("an integer", MetatypeCheck.problem(max, "lots"));
        assertEquals("an integer", MetatypeCheck.problem(max, "1.5"));
        assertNull(MetatypeCheck.problem(max, "50"));
        Ad paused = new Ad("paused", AttributeDefinition.BOOLEAN, null, 0);
        assertEquals("true or false", MetatypeCheck.problem(paused, "yes"));
        assertNull(MetatypeCheck.problem(paused, "TRUE"));
        Ad format = new Ad("format", AttributeDefinition.STRING, new String[] {"eml", "maildir"}, 0);
        assertEquals("one of eml, maildir", MetatypeCheck.problem(format, "mbox"));
        assertNull(MetatypeCheck.problem(format, "maildir"));
    }

    @Test
    void listsAreCheckedElementByElement() {
        Ad retry = new Ad("retry", AttributeDefinition.INTEGER, null, 10);
        assertNull(MetatypeCheck.problem(retry, "15, 30,60"));
        assertEquals("a comma-separated list, each an integer", MetatypeCheck.problem(retry, "15,soon"));
    }
}
