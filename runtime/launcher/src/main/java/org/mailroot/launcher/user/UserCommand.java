package org.mailroot.launcher.user;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailroot.auth.store.CramMd5Key;
import org.mailroot.auth.store.ScramCredential;
import org.mailroot.auth.store.UserFile;
import org.mailroot.auth.store.UserRecord;

/**
 * {@code mailroot user add|passwd|remove|list|aliases}: edits the user file directly (the server
 * need not run; a running server reloads the file within about a second). Passwords come from
 * the terminal (asked twice) or from standard input with {@code --password-stdin}; never from an
 * argument, which would show in {@code ps} and the shell history.
 */
public final class UserCommand {
    private final Path file;
    private final PasswordSource passwords;
    private final PrintStream out;
    private final PrintStream err;
    /** {@code cramMd5=true} in etc/org.mailroot.auth.cfg: new passwords get a CRAM-MD5 secret too. */
    private final boolean cramMd5Configured;

    public UserCommand(Path file, PasswordSource passwords, PrintStream out, PrintStream err) {
        this(file, false, passwords, out, err);
    }

    public UserCommand(Path file, boolean cramMd5Configured, PasswordSource passwords, PrintStream out, PrintStream err) {
        this.file = file;
        this.cramMd5Configured = cramMd5Configured;
        this.passwords = passwords;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code args} (after "user"); returns the exit code: 0 done, 1 failed, 2 usage. */
    public int run(List<String> args) {
        UserArgs a;
        try {
            a = UserArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("mailroot user: " + e.getMessage() + "\n\n" + UserHelp.TEXT);
            return 2;
        }
        if (a.help()) {
            out.println(UserHelp.TEXT);
            return 0;
        }
        try (FileChannel lockFile = FileChannel.open(lockPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) { // two CLI runs must not lose each other's change
            return switch (a.action()) {
                case "add" -> add(a);
                case "passwd" -> passwd(a);
                case "remove" -> remove(a);
                case "aliases" -> aliases(a);
                default -> list();
            };
        } catch (IOException e) {
            err.println("mailroot user: cannot update " + file + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("mailroot user: " + e.getMessage());
            return 1;
        }
    }

    private int add(UserArgs a) throws IOException {
        Map<String, UserRecord> users = load();
        String name = UserRecord.checkName(a.name());
        if (users.containsKey(name)) {
            err.println("mailroot user: " + name + " already exists (use passwd to change the password)");
            return 1;
        }
        Credentials c = credentials(a);
        UserRecord r = new UserRecord(name, c.scram(), a.aliases(), c.cram());
        users.put(name, r);
        UserFile.write(file, users.values());
        out.println("Added " + name + (r.aliases().isEmpty() ? "" : " (aliases " + String.join(", ", r.aliases()) + ")")
                + " to " + file + cramNote(r));
        return 0;
    }

    private int passwd(UserArgs a) throws IOException {
        Map<String, UserRecord> users = load();
        UserRecord r = existing(users, a.name());
        if (r == null) {
            return 1;
        }
        Credentials c = credentials(a);
        UserRecord changed = r.withCredentials(c.scram(), c.cram());
        users.put(r.name(), changed);
        UserFile.write(file, users.values());
        out.println("Password of " + r.name() + " changed in " + file + cramNote(changed));
        return 0;
    }

    private int remove(UserArgs a) throws IOException {
        Map<String, UserRecord> users = load();
        UserRecord r = existing(users, a.name());
        if (r == null) {
            return 1;
        }
        users.remove(r.name());
        UserFile.write(file, users.values());
        out.println("Removed " + r.name() + " from " + file);
        return 0;
    }

    private int aliases(UserArgs a) throws IOException {
        Map<String, UserRecord> users = load();
        UserRecord r = existing(users, a.name());
        if (r == null) {
            return 1;
        }
        users.put(r.name(), r.withAliases(a.aliases()));
        UserFile.write(file, users.values());
        out.println("Aliases of " + r.name() + ": " + (a.aliases().isEmpty() ? "(none)" : String.join(", ", a.aliases())));
        return 0;
    }

    private int list() throws IOException {
        Map<String, UserRecord> users = load();
        if (users.isEmpty()) {
            out.println("No users in " + file);
        }
        for (UserRecord r : users.values()) {
            out.println(r.name() + (r.aliases().isEmpty() ? "" : "  aliases: " + String.join(", ", r.aliases())));
        }
        return 0;
    }

    private record Credentials(ScramCredential scram, CramMd5Key cram) {
    }

    /**
     * The SCRAM credential always; the CRAM-MD5 secret only when asked for (--cram-md5) or
     * configured (cramMd5=true), because it is password-equivalent for CRAM-MD5.
     */
    private Credentials credentials(UserArgs a) throws IOException {
        char[] password = passwords.read(a.passwordStdin());
        try {
            boolean cram = a.cramMd5() || cramMd5Configured;
            return new Credentials(ScramCredential.create(password, a.iterations()), cram ? CramMd5Key.of(password) : null);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String cramNote(UserRecord r) {
        return r.cram().isPresent() ? " (with a CRAM-MD5 secret: keep the file private, it allows CRAM-MD5 logins)" : "";
    }

    private UserRecord existing(Map<String, UserRecord> users, String name) {
        UserRecord r = users.get(UserRecord.checkName(name));
        if (r == null) {
            err.println("mailroot user: no user " + name + " in " + file);
        }
        return r;
    }

    private Map<String, UserRecord> load() throws IOException {
        UserFile.Contents c = UserFile.read(file);
        if (!c.problems().isEmpty()) {
            List<String> lines = new ArrayList<>();
            c.problems().forEach(p -> lines.add("line " + p.line() + ": " + p.message()));
            throw new IOException("the file has lines that cannot be read (fix them first): " + lines);
        }
        return new LinkedHashMap<>(c.users());
    }

    private Path lockPath() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return dir.resolve("." + file.getFileName() + ".lock");
    }
}
