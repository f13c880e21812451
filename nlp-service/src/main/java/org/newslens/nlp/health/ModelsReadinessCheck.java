package org.newslens.nlp.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.newslens.nlp.service.ModelLoader;

/** Ready once the NLP models are loaded; until then neither /analyze nor the workers can run. */
@Readiness
@ApplicationScoped
public class ModelsReadinessCheck implements HealthCheck {

    private final ModelLoader models;

    ModelsReadinessCheck(ModelLoader models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("NLP models");
        if (models.isReady()) {
            return response.up().build();
        }
        String reason = models.failure() == null ? "still loading" : "loading failed: " + models.failure();
        return response.down().withData("reason", reason).build();
    }
}
