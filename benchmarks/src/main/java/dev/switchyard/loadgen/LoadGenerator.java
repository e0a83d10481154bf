package dev.switchyard.loadgen;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Command line entry: starts synthetic publishers and subscribers against a Switchyard server on this machine
 * over the real signaling protocol and real ICE/DTLS/SRTP, prints a table and optionally writes JSON.
 * See {@link LoadOptions#USAGE}.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        LoadReport report = LoadRun.execute(options);
        System.out.print(report.table());
        if (options.json().isPresent()) {
            Path path = options.json().get();
            SignalingSocket.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), report);
            System.out.println("JSON written to " + path);
        }
    }
}
