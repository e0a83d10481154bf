package dev.switchyard.signaling;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SessionChannelTest {

    @Test
    void aConnectionThatKeepsTrippingAFailureLogsOneStackTrace() {
        Logger log = (Logger) LoggerFactory.getLogger("dev.switchyard.signaling.SessionChannelTest.failures");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        log.setLevel(Level.DEBUG);
        SessionChannel channel = new SessionChannel(new EmbeddedChannel());
        for (int i = 0; i < 2000; i++) {
            channel.logFailure(log, "handling an answer failed", new IllegalStateException("bug " + i));
        }
        assertEquals(2000, logged.list.size());
        assertEquals(Level.ERROR, logged.list.get(0).getLevel());
        assertNotNull(logged.list.get(0).getThrowableProxy(), "the first failure comes with its stack trace");
        long traces = logged.list.stream().filter(event -> event.getThrowableProxy() != null).count();
        assertEquals(1, traces, "later ones are one debug line each");
        assertEquals(Level.DEBUG, logged.list.get(1999).getLevel());
        assertNull(logged.list.get(1999).getThrowableProxy());
    }
}
