package org.arflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Deploys the process folder at start-up and on request. Resources are named by their path relative to the
 * folder, and only changed resources make a new version, so moving the folder or starting a second node
 * redeploys nothing.
 */
@Component
class ProcessDeployer implements InitializingBean {

    static final String DEPLOYMENT_NAME = "arflow-processes";

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
    private static final List<String> EXTENSIONS = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".form");

    private final RepositoryService repositoryService;
    private final ProcessProperties properties;

    ProcessDeployer(RepositoryService repositoryService, ProcessProperties properties) {
        this.repositoryService = repositoryService;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        deploy();
    }

    /** The outcome of a deployment: the files found and the process definitions that got a new version. */
    record DeploymentResult(List<String> resources, List<String> newVersions) {
    }

    DeploymentResult deploy() {
        Path folder = properties.path().toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The process folder " + folder + " does not exist; set "
                    + "arflow.processes.path to the folder that holds invoice-to-cash.bpmn");
        }
        List<Path> files = resources(folder);
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        List<String> names = files.stream().map(file -> add(builder, folder, file)).toList();
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        List<String> newVersions = deployment.getDeployedProcessDefinitions() == null ? List.of()
                : deployment.getDeployedProcessDefinitions().stream()
                        .map(definition -> definition.getKey() + ":" + definition.getVersion())
                        .toList();
        log.info("Processes deployed: folder={} resources={} newVersions={}", folder, names, newVersions);
        return new DeploymentResult(names, newVersions);
    }

    List<ProcessDefinition> latestDefinitions() {
        return repositoryService.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc()
                .list();
    }

    private static List<Path> resources(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> EXTENSIONS.stream().anyMatch(file.getFileName().toString()::endsWith))
                    .sorted()
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The process folder " + folder + " cannot be read", unreadable);
        }
    }

    private static String add(DeploymentBuilder builder, Path folder, Path file) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        try (InputStream in = Files.newInputStream(file)) {
            builder.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The process file " + file + " cannot be read", unreadable);
        }
        return name;
    }
}
