package org.newslens.localpg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The local server's {@code pg_hba.conf}: a password (SCRAM) for every role, the superuser included,
 * on the Unix socket and on loopback TCP; nothing else may connect.
 */
final class ClientAuthentication {

    static final String PASSWORD_ONLY = """
            # Written by NewsLens local-postgres. Every role needs its password, the superuser included;
            # only the Unix socket and loopback TCP are accepted. Local role passwords: see README.md.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    /** A rule line whose method is trust (comments and blank lines do not count). */
    private static final Pattern TRUST_RULE = Pattern.compile("(?m)^\\s*[^#\\s][^#\\n]*\\strust(\\s|$)");

    private ClientAuthentication() {
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve("pg_hba.conf");
    }

    /** True for data directories created by earlier versions (or zonky's defaults), which trusted everyone. */
    static boolean trustsAnyone(Path dataDirectory) throws IOException {
        return TRUST_RULE.matcher(Files.readString(file(dataDirectory), StandardCharsets.UTF_8)).find();
    }

    static void requirePasswords(Path dataDirectory) throws IOException {
        Files.writeString(file(dataDirectory), PASSWORD_ONLY, StandardCharsets.UTF_8);
    }
}
