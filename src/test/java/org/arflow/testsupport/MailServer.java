package org.arflow.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** One GreenMail SMTP server per test JVM on a free loopback port; tests may stop and restart it. */
public final class MailServer {

    private static GreenMail greenMail;
    private static int port;

    private MailServer() {
    }

    public static synchronized GreenMail get() {
        if (greenMail == null) {
            port = freePort();
            start();
        }
        return greenMail;
    }

    public static synchronized int port() {
        get();
        return port;
    }

    /** Starts a fresh server on the same port, as a mail server coming back after an outage. */
    public static synchronized void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public static synchronized void stop() {
        greenMail.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException noPort) {
            throw new UncheckedIOException("No free port for the test SMTP server", noPort);
        }
    }
}
