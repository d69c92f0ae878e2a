package dev.graft.host.internal.watch;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.graft.compiler.PluginFiles;

/**
 * A {@link WatchService} over every folder of the sites. Watch services are not recursive, so
 * each wake-up registers the folders that appeared since; an overflow only means a wake-up.
 */
final class FileSystemEvents implements ChangeSignal {

    private final List<Path> sites;
    private final WatchService service;
    private final Map<Path, WatchKey> keys = new HashMap<>();

    private FileSystemEvents(List<Path> sites, WatchService service) {
        this.sites = sites;
        this.service = service;
    }

    static FileSystemEvents open(List<Path> sites) throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        FileSystemEvents events = new FileSystemEvents(List.copyOf(sites), service);
        try {
            events.registerNewFolders();
        } catch (IOException | RuntimeException e) {
            events.close();
            throw e;
        }
        return events;
    }

    @Override
    public void await(long millis) throws InterruptedException {
        WatchKey key = millis > 0 ? service.poll(millis, TimeUnit.MILLISECONDS) : service.take();
        while (key != null) {
            key.pollEvents();
            key.reset();
            key = service.poll();
        }
        try {
            registerNewFolders();
        } catch (IOException e) {
            // a folder that vanished while registering; the next wake-up registers what is there then
        }
    }

    private void registerNewFolders() throws IOException {
        keys.values().removeIf(k -> !k.isValid());
        for (Path site : sites) {
            if (!Files.isDirectory(site)) {
                continue;
            }
            Files.walkFileTree(site, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(site) && PluginFiles.isIgnored(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!keys.containsKey(dir)) {
                        keys.put(dir, dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }

    @Override
    public String describe() {
        return "file-system events";
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // closing only releases the watches
        }
    }
}
