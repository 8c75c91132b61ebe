package org.arflow.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.arflow.clock.SimulationClock;
import org.arflow.error.RejectedException;
import org.arflow.notification.OutboxDispatcher;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

/** Moves the simulation clock forward and runs what became due: engine jobs, then the outbox. */
@Service
@Profile("simulation")
class SimulationService {

    private static final Logger log = LoggerFactory.getLogger(SimulationService.class);

    /** Upper bound for one move, so that a job that fails and is retried forever cannot hang the request. */
    private static final int MAX_JOB_EXECUTIONS = 100_000;
    private static final int JOB_PAGE_SIZE = 200;

    private final SimulationClock clock;
    private final ManagementService managementService;
    private final OutboxDispatcher outboxDispatcher;

    SimulationService(SimulationClock clock, ManagementService managementService, OutboxDispatcher outboxDispatcher) {
        this.clock = clock;
        this.managementService = managementService;
        this.outboxDispatcher = outboxDispatcher;
    }

    ClockMove moveTo(LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today)) {
            throw RejectedException.unprocessable("clock-moves-forward-only",
                    "The date " + date + " is before today (" + today + "); the simulation clock only moves forward");
        }
        LocalTime timeOfDay = LocalTime.now(clock);
        Instant target = date.atTime(timeOfDay).atZone(clock.getZone()).toInstant();
        clock.moveTo(target.isBefore(clock.instant()) ? clock.instant() : target);
        log.info("Simulation clock moved: date={} instant={}", date, clock.instant());

        JobRun jobs = runDueJobs();
        int messagesSent = outboxDispatcher.dispatchDue();
        return new ClockMove(LocalDate.now(clock), clock.instant(), jobs.executed(), jobs.failed(), messagesSent);
    }

    ClockMove current() {
        return new ClockMove(LocalDate.now(clock), clock.instant(), 0, 0, 0);
    }

    private JobRun runDueJobs() {
        int executed = 0;
        int failed = 0;
        List<Job> due = dueJobs();
        while (!due.isEmpty() && executed + failed < MAX_JOB_EXECUTIONS) {
            for (Job job : due) {
                try {
                    managementService.executeJob(job.getId());
                    executed++;
                } catch (ProcessEngineException jobFailure) {
                    // The engine has already lowered the job's retries; at zero it becomes an incident.
                    failed++;
                    log.warn("Job failed while the simulation clock moved: jobId={} processInstanceId={}",
                            job.getId(), job.getProcessInstanceId(), jobFailure);
                }
            }
            due = dueJobs();
        }
        return new JobRun(executed, failed);
    }

    private List<Job> dueJobs() {
        return managementService.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, JOB_PAGE_SIZE);
    }

    private record JobRun(int executed, int failed) {
    }

    /** The clock after a move and what the move set off. */
    record ClockMove(LocalDate today, Instant now, int jobsExecuted, int jobsFailed, int messagesSent) {
    }
}
