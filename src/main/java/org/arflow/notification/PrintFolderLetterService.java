package org.arflow.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each letter as a PDF file into the print folder, named after its outbox key. */
class PrintFolderLetterService implements LetterService {

    private static final Logger log = LoggerFactory.getLogger(PrintFolderLetterService.class);

    private final Path folder;

    PrintFolderLetterService(Path folder) {
        this.folder = folder;
    }

    @Override
    public void post(OutboxMessage letter, byte[] pdf) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve(letter.messageKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf");
        Files.write(file, pdf);
        log.info("Letter written to the print folder: messageKey={} file={}", letter.messageKey(),
                file.toAbsolutePath());
    }
}
