package dev.liaison.routes.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Opens one plain connection to the configured database before the pool, Flyway or Hibernate touch it, so that an
 * unreachable server stops startup with one clear reason instead of a stack trace from each of them.
 */
final class DatabasePreflight implements BeanPostProcessor {

    private static final String CONNECT_TIMEOUT_SECONDS = "10";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
            check(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return bean;
    }

    static void check(String jdbcUrl, String username, String password) {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        properties.setProperty("loginTimeout", CONNECT_TIMEOUT_SECONDS);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
            connection.isValid(Integer.parseInt(CONNECT_TIMEOUT_SECONDS));
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(jdbcUrl, e);
        }
    }
}
