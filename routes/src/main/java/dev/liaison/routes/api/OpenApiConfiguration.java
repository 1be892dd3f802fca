package dev.liaison.routes.api;

import dev.liaison.routes.system.SystemInfoService;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title, version and description of the REST API document at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI liaisonOpenApi(SystemInfoService systemInfo) {
        return new OpenAPI()
                .info(new Info()
                        .title("Liaison API")
                        .version(systemInfo.version())
                        .description("Administration, agent and IVR API of Liaison. Errors are RFC 9457 problem"
                                + " responses."));
    }
}
