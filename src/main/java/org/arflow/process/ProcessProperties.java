package org.arflow.process;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param path the folder whose BPMN, DMN and form files are deployed, relative to the working directory */
@ConfigurationProperties("arflow.processes")
public record ProcessProperties(@DefaultValue("processes") Path path) {
}
