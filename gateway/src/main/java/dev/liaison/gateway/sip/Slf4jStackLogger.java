package dev.liaison.gateway.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes jain-sip's own logging to SLF4J (logger {@code gov.nist.javax.sip}), so the stack needs no log4j 1.2. Set
 * through the stack property {@code gov.nist.javax.sip.STACK_LOGGER}; the stack instantiates it by reflection, hence
 * the public no-argument constructor.
 */
public final class Slf4jStackLogger implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");

    public Slf4jStackLogger() {}

    @Override
    public void logStackTrace() {
        // Only useful when debugging the stack itself; the SLF4J logger has no equivalent without a throwable.
    }

    @Override
    public void logStackTrace(int traceLevel) {
        // See logStackTrace().
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.warn("SIP stack exception", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        LOG.error(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isInfoEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel >= TRACE_TRACE) {
            return LOG.isTraceEnabled();
        } else if (logLevel >= TRACE_DEBUG) {
            return LOG.isDebugEnabled();
        } else if (logLevel >= TRACE_INFO) {
            return LOG.isInfoEnabled();
        } else if (logLevel >= TRACE_WARN) {
            return LOG.isWarnEnabled();
        } else if (logLevel > TRACE_NONE) {
            return LOG.isErrorEnabled();
        }
        return false;
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.error(message, ex);
    }

    @Override
    public void logWarning(String message) {
        LOG.warn(message);
    }

    @Override
    public void logInfo(String message) {
        LOG.info(message);
    }

    @Override
    public void disableLogging() {
        // The level is SLF4J's configuration, not the stack's.
    }

    @Override
    public void enableLogging() {
        // The level is SLF4J's configuration, not the stack's.
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("jain-sip build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // Nothing to read: levels come from the SLF4J configuration.
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
