package org.mailroot.launcher;

import java.nio.file.Path;
import java.util.List;
import org.mailroot.launcher.user.PasswordSource;
import org.mailroot.launcher.user.UserCommand;
import org.mailroot.launcher.user.UsersFileLocation;

/** Wires {@code mailroot user ...} to the terminal and the instance's user file. */
final class UserCommands {
    private UserCommands() {
    }

    static int run(List<String> args, Path base) {
        return new UserCommand(UsersFileLocation.of(base), UsersFileLocation.cramMd5(base), new PasswordSource(System.console(), System.in),
                System.out, System.err).run(args);
    }
}
