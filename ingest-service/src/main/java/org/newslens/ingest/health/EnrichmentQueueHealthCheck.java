package org.newslens.ingest.health;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Ready only once nlp-service has created its job queue: until then an article could not be queued
 * in the same transaction that stores it.
 */
@Readiness
@ApplicationScoped
public class EnrichmentQueueHealthCheck implements HealthCheck {

    private final AgroalDataSource dataSource;

    EnrichmentQueueHealthCheck(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("enrichment queue (nlp.jobs)");
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT to_regclass('nlp.jobs') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1) ? response.up().build()
                    : response.down().withData("reason", "nlp-service has not created nlp.jobs yet").build();
        } catch (SQLException e) {
            return response.down().withData("reason", e.getMessage()).build();
        }
    }
}
