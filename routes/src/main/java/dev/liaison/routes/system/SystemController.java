package dev.liaison.routes.system;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/system")
@Tag(name = "System", description = "What this node runs")
class SystemController {

    private final SystemInfoService systemInfo;

    SystemController(SystemInfoService systemInfo) {
        this.systemInfo = systemInfo;
    }

    @GetMapping
    @PreAuthorize(Access.READ)
    @Operation(summary = "Version, node name, database mode and schema version, Camel status")
    SystemInfo get() {
        return systemInfo.current();
    }
}
