package org.arflow.simulation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The simulation clock, for demos and acceptance tests; it exists only under the simulation profile. */
@RestController
@RequestMapping("/api/simulation/clock")
@Profile("simulation")
class SimulationController {

    private final SimulationService simulation;

    SimulationController(SimulationService simulation) {
        this.simulation = simulation;
    }

    @GetMapping
    SimulationService.ClockMove current() {
        return simulation.current();
    }

    /** Moves the clock forward to the date and returns once the jobs due by then have run. */
    @PostMapping
    SimulationService.ClockMove move(@Valid @RequestBody ClockMoveRequest request) {
        return simulation.moveTo(request.date(), request.time());
    }

    /** @param time the time of day in the company's time zone; when left out, the clock keeps its time of day */
    record ClockMoveRequest(@NotNull(message = "is required, as YYYY-MM-DD") LocalDate date, LocalTime time) {
    }
}
