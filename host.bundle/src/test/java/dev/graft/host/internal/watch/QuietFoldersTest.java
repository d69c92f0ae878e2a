package dev.graft.host.internal.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuietFoldersTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path folder;

    private FolderSnapshot write(String file, String content) throws Exception {
        Path f = folder.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return FolderSnapshot.of(folder);
    }

    @Test
    void aFolderIsDueOnceItStayedTheSameForTheDebounceInterval() throws Exception {
        FolderSnapshot before = write("src/A.java", "a");
        QuietFolders quiet = new QuietFolders(200);
        FolderSnapshot after = write("src/A.java", "a changed");
        quiet.observe(folder, before, after, 0);
        assertEquals(List.of(), quiet.due(199 * MS));
        assertEquals(1, quiet.millisUntilNextDue(199 * MS));
        quiet.observe(folder, before, after, 199 * MS);
        assertEquals(List.of(folder), quiet.due(200 * MS));
    }

    @Test
    void aFileStillBeingWrittenRestartsTheInterval() throws Exception {
        FolderSnapshot before = write("src/A.java", "a");
        QuietFolders quiet = new QuietFolders(200);
        quiet.observe(folder, before, write("src/A.java", "a, half"), 0);
        quiet.observe(folder, before, write("src/A.java", "a, half written, now whole"), 150 * MS);
        assertEquals(List.of(), quiet.due(250 * MS));
        assertEquals(List.of(folder), quiet.due(350 * MS));
    }

    @Test
    void aChangeUndoneBeforeTheIntervalEndsIsNoEvent() throws Exception {
        FolderSnapshot before = write("src/A.java", "a");
        QuietFolders quiet = new QuietFolders(200);
        quiet.observe(folder, before, write("src/B.java", "b"), 0);
        Files.delete(folder.resolve("src/B.java"));
        quiet.observe(folder, before, FolderSnapshot.of(folder), 100 * MS);
        assertEquals(List.of(), quiet.due(1000 * MS));
        assertEquals(-1, quiet.millisUntilNextDue(1000 * MS));
    }

    @Test
    void editorTemporaryFilesAreNoChange() throws Exception {
        FolderSnapshot before = write("src/A.java", "a");
        for (String temp : List.of("src/.A.java.swp", "src/A.java~", "src/#A.java#", "src/4913", "src/A.java___jb_tmp___", ".idea/x")) {
            assertEquals(before, write(temp, "temporary"), temp);
        }
        assertEquals(List.of("src/C.java"), FolderSnapshot.changes(before, write("src/C.java", "c")));
    }

    @Test
    void changesNameTheFilesAddedChangedAndRemoved() throws Exception {
        FolderSnapshot before = write("src/A.java", "a");
        write("src/B.java", "b");
        Files.delete(folder.resolve("src/A.java"));
        assertEquals(List.of("src/A.java", "src/B.java"), FolderSnapshot.changes(before, FolderSnapshot.of(folder)));
        assertEquals(List.of("src/B.java"), FolderSnapshot.changes(null, FolderSnapshot.of(folder)));
    }
}
