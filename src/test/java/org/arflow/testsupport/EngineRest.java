package org.arflow.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Points the engine REST API at a test's own engine. The REST API looks the engine up in Camunda's static
 * registry by the name "default". Every cached test application context registers its engine there, so after
 * several contexts have started, the REST API of one may reach the engine of another.
 */
public final class EngineRest {

    private EngineRest() {
    }

    public static void useEngine(ProcessEngine engine) {
        ProcessEngines.registerProcessEngine(engine);
    }
}
