package org.mailroot.auth.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user file ({@code etc/users}): one account per line,
 * {@code name:SCRAM-SHA-256:iterations:salt:StoredKey:ServerKey[:alias,alias...[:{CRAM-MD5}hex]]},
 * base64 fields, {@code #} comments. The optional last field is the CRAM-MD5 secret (64 hex
 * digits, Dovecot's layout), present only for accounts whose password was set with CRAM-MD5 on.
 * Written atomically (temporary file, then rename) with mode 0600, so a reader
 * never sees half a file and the server notices the new file at once.
 */
public final class UserFile {
    /** A parse problem on one line; the line is skipped, the rest is used. */
    public record Problem(int line, String message) {
    }

    /** What a read gives: the accounts by name, and the lines that could not be used. */
    public record Contents(Map<String, UserRecord> users, List<Problem> problems) {
    }

    private UserFile() {
    }

    public static Contents read(Path file) throws IOException {
        Map<String, UserRecord> users = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Contents(users, problems);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                UserRecord r = parse(line);
                if (users.putIfAbsent(r.name(), r) != null) {
                    problems.add(new Problem(i + 1, "duplicate user " + r.name() + " (first kept)"));
                }
            } catch (RuntimeException e) {
                problems.add(new Problem(i + 1, e.getMessage()));
            }
        }
        return new Contents(users, problems);
    }

    static UserRecord parse(String line) {
        String[] f = line.split(":", -1);
        if (f.length < 6 || f.length > 8 || !f[1].equals(Scram.MECHANISM)) {
            throw new IllegalArgumentException("expected name:" + Scram.MECHANISM
                    + ":iterations:salt:storedKey:serverKey[:aliases[:" + CramMd5Key.PREFIX + "hex]]");
        }
        Base64.Decoder b = Base64.getDecoder();
        ScramCredential c = new ScramCredential(b.decode(f[3]), Integer.parseInt(f[2]),
                b.decode(f[4]), b.decode(f[5]));
        List<String> aliases = f.length >= 7 && !f[6].isBlank()
                ? Arrays.stream(f[6].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        CramMd5Key cram = f.length == 8 && !f[7].isBlank() ? CramMd5Key.decode(f[7].strip()) : null;
        return new UserRecord(f[0], c, aliases, cram);
    }

    static String format(UserRecord r) {
        String aliases = String.join(",", r.aliases());
        return r.name() + ":" + r.credential().encode()
                + r.cram().map(k -> ":" + aliases + ":" + k.encode()).orElse(aliases.isEmpty() ? "" : ":" + aliases);
    }

    /** Replaces the file with these accounts, atomically, mode 0600 from the start. */
    public static void write(Path file, Iterable<UserRecord> users) throws IOException {
        StringBuilder sb = new StringBuilder("# Mailroot users: name:SCRAM-SHA-256:iterations:salt:StoredKey:ServerKey[:aliases[:{CRAM-MD5}hex]]\n"
                + "# Managed with bin/mailroot user add|passwd|remove|list; no password is stored.\n");
        for (UserRecord r : users) {
            sb.append(format(r)).append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
