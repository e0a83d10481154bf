package dev.switchyard.server.e2e;

import java.net.URI;

/** One page of a real browser that a test opens and runs scripts in. */
interface Browser extends AutoCloseable {

    /** Labels the browser's log files and failure messages. */
    String name();

    /** Loads {@code page}, returning once it has loaded. */
    void open(URI page);

    /**
     * Runs JavaScript that completes by calling {@code arguments[arguments.length - 1]} with its result;
     * {@code arguments[i]} before it are the given values. The result comes back as WebDriver converts it:
     * objects as maps, arrays as lists, numbers as {@link Number}.
     */
    Object asyncScript(String body, Object... args);

    /** Closes the browser and removes everything it wrote outside the logs. */
    @Override
    void close();
}
