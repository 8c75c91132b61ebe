-- The simulated time of the simulation profile, so that a restart continues where the clock was instead
-- of going back to real time. One row at most; unused outside the simulation profile.
create table simulation_clock (
    id              integer       primary key,
    simulated_at    timestamp with time zone not null
);
