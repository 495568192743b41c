package work.remote.devinfra;

import java.io.PrintStream;
import java.time.LocalTime;
import java.util.List;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J provider of the forked broker JVM, which writes to stdout (the broker's log file).
 * It is selected with {@code -Dslf4j.provider} and deliberately not registered in
 * {@code META-INF/services}, so it never competes with the logging of the JVMs that use dev-infra.
 */
public final class KafkaBrokerLogging implements SLF4JServiceProvider {

    private static final List<String> QUIET_PREFIXES = List.of(
            "org.apache.kafka.common.config.AbstractConfig",
            "org.apache.kafka.clients",
            "org.apache.kafka.common.metrics",
            "org.apache.kafka.common.utils.AppInfoParser");

    private final ILoggerFactory loggerFactory = BrokerLogger::new;
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class BrokerLogger extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        private final Level threshold;

        BrokerLogger(String name) {
            this.name = name;
            this.threshold = QUIET_PREFIXES.stream().anyMatch(name::startsWith) ? Level.WARN : Level.INFO;
        }

        private boolean enabled(Level level) {
            return level.toInt() >= threshold.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            if (!enabled(level)) {
                return;
            }
            String line = LocalTime.now() + " " + level + " [" + Thread.currentThread().getName() + "] "
                    + shortName() + " - " + MessageFormatter.basicArrayFormat(pattern, arguments);
            PrintStream out = System.out;
            synchronized (out) {
                out.println(line);
                if (throwable != null) {
                    throwable.printStackTrace(out);
                }
            }
        }

        private String shortName() {
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }
}
