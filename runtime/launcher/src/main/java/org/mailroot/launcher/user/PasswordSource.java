package org.mailroot.launcher.user;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Where a new password comes from: the terminal (asked twice, not echoed) or standard input. */
public final class PasswordSource {
    private final Console console;
    private final InputStream stdin;

    public PasswordSource(Console console, InputStream stdin) {
        this.console = console;
        this.stdin = stdin;
    }

    char[] read(boolean fromStdin) throws IOException {
        char[] pw = fromStdin ? fromStdin() : fromConsole();
        if (pw.length == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        return pw;
    }

    /** The first line of standard input, without its line ending (as docker login does). */
    private char[] fromStdin() throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null) {
            throw new IllegalArgumentException("--password-stdin: nothing on standard input");
        }
        return line.toCharArray();
    }

    private char[] fromConsole() {
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask the password on: pipe it with --password-stdin");
        }
        char[] first = console.readPassword("New password: ");
        char[] second = console.readPassword("Retype new password: ");
        if (first == null || second == null) {
            throw new IllegalArgumentException("no password entered");
        }
        try {
            if (!Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the passwords do not match; nothing changed");
            }
            return first.clone();
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
    }
}
