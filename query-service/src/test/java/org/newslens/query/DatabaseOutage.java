package org.newslens.query;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real PostgreSQL of {@link PostgresTestResource}, reached by the service through a loopback TCP
 * proxy that a test can {@link #cut()}, as if the database went down (open connections break, new ones
 * are closed at once), and {@link #restore()}. Fixtures still connect directly.
 */
public class DatabaseOutage implements QuarkusTestResourceLifecycleManager {

    private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean cut;

    private final PostgresTestResource postgres = new PostgresTestResource();
    private ServerSocket proxy;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(postgres.start());
        String url = config.get("quarkus.datasource.jdbc.url");
        int databasePort = Integer.parseInt(url.replaceAll("^jdbc:postgresql://localhost:(\\d+)/.*$", "$1"));
        try {
            proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the database proxy", e);
        }
        Thread acceptor = new Thread(() -> accept(databasePort), "database-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        config.put("quarkus.datasource.jdbc.url",
                url.replace("localhost:" + databasePort, "127.0.0.1:" + proxy.getLocalPort()));
        return config;
    }

    /** The database goes away: every connection through the proxy breaks, and new ones are closed at once. */
    public static void cut() {
        cut = true;
        for (Socket socket : OPEN) {
            closeQuietly(socket);
        }
        OPEN.clear();
    }

    public static void restore() {
        cut = false;
    }

    @Override
    public void stop() {
        closeQuietly(proxy);
        cut();
        postgres.stop();
    }

    private void accept(int databasePort) {
        while (!proxy.isClosed()) {
            try {
                Socket client = proxy.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket database = new Socket(InetAddress.getLoopbackAddress(), databasePort);
                OPEN.add(client);
                OPEN.add(database);
                pump(client, database);
                pump(database, client);
            } catch (IOException e) {
                // the proxy was closed, or one connection failed: the service sees a broken connection
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // a side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                OPEN.remove(from);
                OPEN.remove(to);
            }
        }, "database-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException e) {
            // already closed
        }
    }
}
