package org.arflow.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.arflow.clock.SimulationClock;
import org.arflow.error.RejectedException;
import org.arflow.notification.OutboxDispatcher;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    SimulationService(SimulationClock clock, ManagementService managementService, OutboxDispatcher outboxDispatcher,
            JdbcClient jdbc) {
        this.clock = clock;
        this.managementService = managementService;
        this.outboxDispatcher = outboxDispatcher;
        this.jdbc = jdbc;
    }

    /**
     * Puts the clock back where the last move left it, before the job executor starts, so that a restart
     * does not send the simulated ledger back to real time.
     */
    @EventListener(ContextRefreshedEvent.class)
    void restoreClock() {
        jdbc.sql("select simulated_at from simulation_clock where id = 1").query(OffsetDateTime.class).optional()
                .ifPresent(stored -> {
                    clock.moveTo(stored.toInstant());
                    log.info("Simulation clock restored: instant={}", clock.instant());
                });
    }

    private void storeClock() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), clock.getZone());
        if (jdbc.sql("update simulation_clock set simulated_at = ? where id = 1").param(now).update() == 0) {
            jdbc.sql("insert into simulation_clock (id, simulated_at) values (1, ?)").param(now).update();
        }
    }

    ClockMove moveTo(LocalDate date, LocalTime time) {
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today)) {
            throw RejectedException.unprocessable("clock-moves-forward-only",
                    "The date " + date + " is before today (" + today + "); the simulation clock only moves forward");
        }
        LocalTime timeOfDay = time == null ? LocalTime.now(clock) : time;
        Instant target = date.atTime(timeOfDay).atZone(clock.getZone()).toInstant();
        boolean stayToday = time == null && !date.isAfter(today);
        if (!stayToday && target.isBefore(clock.instant())) {
            throw RejectedException.unprocessable("clock-moves-forward-only", "The time " + date + " " + timeOfDay
                    + " is before now (" + LocalDate.now(clock) + " " + LocalTime.now(clock).withNano(0)
                    + "); the simulation clock only moves forward");
        }
        if (!stayToday) {
            clock.moveTo(target);
            storeClock();
        }
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
        int attempts = 0;
        List<Job> due = dueJobs();
        while (!due.isEmpty() && attempts < MAX_JOB_EXECUTIONS) {
            for (Job job : due) {
                attempts++;
                try {
                    managementService.executeJob(job.getId());
                    executed++;
                } catch (OptimisticLockingException ranElsewhere) {
                    // The job executor ran the same job at the same moment; that run counts.
                    log.debug("Job ran concurrently in the job executor: jobId={}", job.getId());
                } catch (RuntimeException jobFailure) {
                    if (managementService.createJobQuery().jobId(job.getId()).count() == 0) {
                        log.debug("Job finished in the job executor meanwhile: jobId={}", job.getId());
                        continue;
                    }
                    // The engine has already lowered the job's retries; at zero it becomes an incident. Delegate
                    // exceptions arrive unwrapped, so every runtime exception counts as a failed job.
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
