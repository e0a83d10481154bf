package dev.switchyard.server;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.switchyard.transport.srtp.SrtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar switchyard-server.jar [options]}; {@code --help} lists the options. Exit code 2: bad options.
 * {@code java -jar switchyard-server.jar token …} mints an access token instead ({@link TokenCommand}).
 */
public final class Main {

    private static final int EXIT_BAD_CONFIGURATION = 2;
    private static final int EXIT_CANNOT_START = 1;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // ice4j logs through java.util.logging: route it to Logback before any of its classes load.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        List<String> arguments = List.of(args);
        if (!arguments.isEmpty() && arguments.get(0).equals(TokenCommand.NAME)) {
            System.exit(TokenCommand.run(arguments.subList(1, arguments.size()), System.getenv(), Clock.systemUTC(),
                    System.out, System.err));
            return;
        }
        if (ConfigLoader.wantsHelp(arguments)) {
            System.out.print(ConfigLoader.usage());
            return;
        }
        ServerConfig config;
        try {
            config = ConfigLoader.load(arguments, System.getenv());
        } catch (ConfigException e) {
            System.err.println("switchyard: " + e.getMessage());
            System.err.println("Run with --help to see the options.");
            System.exit(EXIT_BAD_CONFIGURATION);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        for (ConfigOption option : ConfigOption.values()) {
            log.info("{} = {}", option.key(), ConfigLoader.describe(config, option));
        }
        log.info("SRTP engines: {}", SrtpSession.cipherEngines());
        SwitchyardServer server;
        try {
            server = SwitchyardServer.start(config);
        } catch (IOException | RuntimeException e) {
            log.error("cannot start: {}", e.getMessage(), e);
            System.exit(EXIT_CANNOT_START);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                server.close();
                stopped.countDown();
            }
        }, "shutdown"));
        System.out.println("Switchyard demo: " + server.httpUri());
        stopped.await();
    }
}
