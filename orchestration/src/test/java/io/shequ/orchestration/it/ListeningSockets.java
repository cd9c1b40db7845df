package io.shequ.orchestration.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc}: its socket inodes from
 * {@code /proc/<pid>/fd}, matched to the LISTEN entries ({@code st} 0A) of
 * {@code /proc/<pid>/net/tcp} and {@code tcp6}.
 */
final class ListeningSockets {

    /** One listening socket: where it is bound. */
    record Listener(InetAddress address, int port) {

        boolean loopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    /** The sockets {@code pid} listens on now; empty once it is gone. */
    static Set<Listener> of(long pid) throws IOException {
        Set<String> inodes = socketInodes(Path.of("/proc", Long.toString(pid), "fd"));
        Set<Listener> listeners = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException gone) {
                return Set.of();
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && LISTEN.equals(f[3]) && inodes.contains(f[9])) {
                    listeners.add(listener(f[1]));
                }
            }
        }
        return listeners;
    }

    private static Set<String> socketInodes(Path fds) {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed between listing and reading it
                }
            }
        } catch (IOException gone) {
            return Set.of();
        }
        return inodes;
    }

    /** {@code 0100007F:1F90} (IPv4) or 32 hex digits (IPv6), each 32-bit word in host (little-endian) order. */
    static Listener listener(String local) {
        String[] parts = local.split(":");
        String hex = parts[0];
        byte[] address = new byte[hex.length() / 2];
        for (int word = 0; word < address.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                address[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return new Listener(InetAddress.getByAddress(address), Integer.parseInt(parts[1], 16));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + local, e);
        }
    }

    /** The listeners in {@code seen} that are not on loopback, as text. */
    static String exposed(Set<Listener> seen) {
        return seen.stream()
                .filter(l -> !l.loopback())
                .map(Listener::toString)
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
