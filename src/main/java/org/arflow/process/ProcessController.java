package org.arflow.process;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The deployed process definitions, and a redeploy of the process folder for analysts. */
@RestController
@RequestMapping("/api/processes")
class ProcessController {

    private final ProcessDeployer deployer;

    ProcessController(ProcessDeployer deployer) {
        this.deployer = deployer;
    }

    @GetMapping
    List<DefinitionView> list() {
        return deployer.latestDefinitions().stream()
                .map(definition -> new DefinitionView(definition.getKey(), definition.getName(),
                        definition.getVersion(), definition.getResourceName(), definition.getId()))
                .toList();
    }

    /** Deploys the files of the process folder that changed since the last deployment. */
    @PostMapping("/deploy")
    ProcessDeployer.DeploymentResult deploy() {
        return deployer.deploy();
    }

    record DefinitionView(String key, String name, int version, String resourceName, String id) {
    }
}
