package org.arflow.rules;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reloads the rules when a file in the rule folder changes, if {@code arflow.rules.watch} is true. Changes
 * that arrive within {@value #QUIET_MILLIS} ms of each other make one reload, because editors often write a
 * file in several steps. An invalid change is logged and the rules in force stay, as with the API.
 */
@Component
class RuleFolderWatcher implements SmartLifecycle {

    static final long QUIET_MILLIS = 500;

    private static final Logger log = LoggerFactory.getLogger(RuleFolderWatcher.class);

    private final RuleEngine engine;
    private final RulesProperties properties;
    private volatile WatchService watchService;
    private volatile Thread thread;

    RuleFolderWatcher(RuleEngine engine, RulesProperties properties) {
        this.engine = engine;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.watch()) {
            return;
        }
        Path folder = engine.folder();
        try {
            watchService = FileSystems.getDefault().newWatchService();
            folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException unwatchable) {
            throw new IllegalStateException("The rule folder " + folder + " cannot be watched; set "
                    + "arflow.rules.watch=false and reload through POST /api/rules/reload", unwatchable);
        }
        thread = new Thread(this::watch, "rule-folder-watcher");
        thread.setDaemon(true);
        thread.start();
        log.info("Rule folder watched: folder={}", folder);
    }

    @Override
    public void stop() {
        WatchService watching = watchService;
        if (watching != null) {
            try {
                watching.close();
            } catch (IOException closeFailure) {
                log.warn("Rule folder watcher did not close cleanly", closeFailure);
            }
        }
        watchService = null;
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                drain(key);
                WatchKey more;
                while ((more = watchService.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException closed) {
            log.info("Rule folder watcher stopped");
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    private void reload() {
        try {
            RuleBaseReport report = engine.reload();
            log.info("Rule folder changed and reloaded: valid={} applied={} inForce={}", report.valid(),
                    report.applied(), report.inForce() == null ? null : report.inForce().contentHash());
        } catch (RuntimeException failed) {
            log.error("Rule folder changed but the reload failed; the rules in force stay", failed);
        }
    }
}
