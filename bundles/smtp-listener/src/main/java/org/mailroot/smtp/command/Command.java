package org.mailroot.smtp.command;

import java.util.Locale;

/**
 * A command line split into verb and argument (RFC 5321 §4.1.1: verbs are case-insensitive and
 * separated from the argument by one space; the argument is kept as sent).
 */
public record Command(String verb, String argument) {

    public static Command parse(String line) {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        return new Command(verb, space < 0 ? "" : line.substring(space + 1));
    }
}
