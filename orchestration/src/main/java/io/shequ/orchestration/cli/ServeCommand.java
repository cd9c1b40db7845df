package io.shequ.orchestration.cli;

import io.shequ.jobs.run.ExitCodes;
import io.shequ.orchestration.config.ServeConfig;
import io.shequ.warehouse.serve.ServeSettings;
import io.shequ.warehouse.serve.WarehouseFlightServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        subcommands = ServeUserCommand.class,
        description =
                "Serves the current warehouse snapshot to BI tools over Arrow Flight SQL, with logins (serve user add),"
                        + " TLS and a read-only sandbox; follows publishes. Settings: the serve block of shequ.yml, overridden by the options.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--home", defaultValue = "shequ-home", description = "the Shequ home (default: ${DEFAULT-VALUE})")
    Path home;

    @Option(names = "--config", description = "a shequ.yml whose serve block to read")
    Path config;

    @Option(names = "--host", description = "the address to bind (default: serve.host, 0.0.0.0)")
    String host;

    @Option(names = "--port", description = "the port (default: serve.port, " + ServeSettings.DEFAULT_PORT + ")")
    Integer port;

    @Option(names = "--tls-cert", description = "the server's certificate chain, PEM (default: serve.tls-cert)")
    Path tlsCert;

    @Option(names = "--tls-key", description = "its private key, PEM, PKCS#8 (default: serve.tls-key)")
    Path tlsKey;

    @Option(names = "--insecure-plaintext", description = "serve without TLS, on 127.0.0.1 only")
    boolean insecurePlaintext;

    @Override
    public Integer call() throws Exception {
        Path root = home.toAbsolutePath().normalize();
        ServeSettings file = ServeConfig.read(config, root);
        boolean tls = (tlsCert != null || file.tlsCert() != null) && !insecurePlaintext;
        ServeSettings settings = new ServeSettings(
                host != null ? host : file.host(),
                port != null ? port : file.port(),
                tls ? first(tlsCert, file.tlsCert()) : null,
                tls ? first(tlsKey, file.tlsKey()) : null,
                insecurePlaintext,
                file.usersFile(),
                file.queryTimeout(),
                file.maxConcurrentQueries(),
                file.maxResultRows(),
                file.threads(),
                file.memoryBytes());
        WarehouseFlightServer server;
        try {
            server = WarehouseFlightServer.start(root, settings);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("shequ serve: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "serve-shutdown"));
        String scheme = tls ? "useEncryption=true" : "useEncryption=false";
        System.out.println("serving " + root + " over Arrow Flight SQL on port " + server.port()
                + (tls ? " (TLS)" : " (plaintext, 127.0.0.1 only)"));
        System.out.println(
                "JDBC URL: jdbc:arrow-flight-sql://HOST:" + server.port() + "/?" + scheme + "&user=NAME&password=...");
        server.awaitTermination();
        return 0;
    }

    private static Path first(Path option, Path configured) {
        return option != null ? option : configured;
    }
}
