package dev.graft.karaf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A site of two source plugins: {@code greeter-api} exports an interface, {@code greeter} is a DS
 * component implementing it that answers through files: on activation it writes its greeting and
 * the state of the API bundle to {@code answer.txt}, and it appends each activation and
 * deactivation to {@code events.txt}.
 */
final class DemoSite {

    private final Path site;
    private final Path answers;

    DemoSite(Path site, Path answers) {
        this.site = site;
        this.answers = answers;
    }

    Path folder() {
        return site;
    }

    Path answer() {
        return answers.resolve("answer.txt");
    }

    Path events() {
        return answers.resolve("events.txt");
    }

    void write(String version) throws IOException {
        Files.createDirectories(answers);
        write("greeter-api/src/demo/greeter/Greeter.java", """
                package demo.greeter;

                public interface Greeter {
                    String greet(String name);
                }
                """);
        write("greeter-api/src/demo/greeter/package-info.java", """
                @org.osgi.annotation.bundle.Export
                @org.osgi.annotation.versioning.Version("1.0.0")
                package demo.greeter;
                """);
        writeImplementation(version);
    }

    /** Writes (or rewrites) the implementation, greeting as {@code version}. */
    void writeImplementation(String version) throws IOException {
        write("greeter/src/demo/hello/HelloGreeter.java", """
                package demo.hello;

                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.nio.file.StandardCopyOption;
                import java.nio.file.StandardOpenOption;

                import org.osgi.framework.Bundle;
                import org.osgi.framework.FrameworkUtil;
                import org.osgi.service.component.annotations.Activate;
                import org.osgi.service.component.annotations.Component;
                import org.osgi.service.component.annotations.Deactivate;

                import demo.greeter.Greeter;

                @Component(immediate = true)
                public class HelloGreeter implements Greeter {
                    private static final Path ANSWERS = Path.of("%s");

                    @Override
                    public String greet(String name) {
                        return "Hello %s, " + name;
                    }

                    @Activate
                    void activate() throws IOException {
                        Bundle api = FrameworkUtil.getBundle(Greeter.class);
                        String answer = greet("Karaf") + "; api " + api.getSymbolicName()
                                + (api.getState() == Bundle.ACTIVE ? " active" : " state " + api.getState());
                        Path next = ANSWERS.resolve("answer.txt.next");
                        Files.writeString(next, answer);
                        Files.move(next, ANSWERS.resolve("answer.txt"), StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                        event("activate %s");
                    }

                    @Deactivate
                    void deactivate() throws IOException {
                        event("deactivate %s");
                    }

                    private static void event(String line) throws IOException {
                        Files.writeString(ANSWERS.resolve("events.txt"), line + "\\n",
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
                """.formatted(answers.toString().replace("\\", "\\\\"), version, version, version));
    }

    private void write(String relative, String text) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(file.getFileName() + ".next~");
        Files.writeString(next, text);
        Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
