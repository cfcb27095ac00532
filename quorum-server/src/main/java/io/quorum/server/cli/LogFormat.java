package io.quorum.server.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/** How the logs look on standard error: {@code text} for people, {@code json} (one object a line) for log shippers. */
public enum LogFormat {
    text("/logback.xml"),
    json("/logback-json.xml");

    private final String configuration;

    LogFormat(String configuration) {
        this.configuration = configuration;
    }

    /** Reconfigures logging for the whole process; the command line does it before its command runs. */
    public void apply() {
        URL resource = LogFormat.class.getResource(configuration);
        if (resource == null) throw new IllegalStateException("no logging configuration " + configuration + " on the classpath");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        try {
            configurator.doConfigure(resource);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + configuration + ": " + e.getMessage(), e);
        }
    }
}
