package dev.switchyard.loadgen;

import java.io.IOException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

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
        quietIce4j();
        if (options.topology() == Topology.CHURN) {
            ChurnReport report = ChurnRun.execute(options);
            ToolCommandLine.print(report.table(), report, options.json());
        } else {
            LoadReport report = LoadRun.execute(options);
            ToolCommandLine.print(report.table(), report, options.json());
        }
    }

    /** ice4j logs every ICE state change of every synthetic connection through java.util.logging. */
    private static void quietIce4j() {
        Logger root = LogManager.getLogManager().getLogger("");
        root.setLevel(Level.SEVERE);
        for (Handler handler : root.getHandlers()) {
            handler.setLevel(Level.SEVERE);
        }
    }
}
