package dev.graft.host.internal.site;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import dev.graft.host.internal.watch.SiteWatcher;

/** One site by configuration (factory PID {@code dev.graft.site}): a folder whose subfolders are source plugins. */
@ObjectClassDefinition(name = "Graft site", description = "A folder of source plugins that Graft loads while this configuration exists")
@interface SiteConfiguration {

    @AttributeDefinition(description = "The site folder, an absolute path; each subfolder is a source plugin")
    String path();

    @AttributeDefinition(description = "Whether to follow the site: a new plugin folder loads, a removed one unloads, "
        + "a changed one is swapped for its new version", required = false)
    boolean watch() default true;

    @AttributeDefinition(name = "debounce.ms", description = "Act on a plugin folder once it has been quiet this long, in milliseconds",
        required = false)
    long debounce_ms() default SiteWatcher.DEFAULT_DEBOUNCE_MILLIS;

    @AttributeDefinition(name = "poll.ms", description = "Look at the site every so many milliseconds instead of using "
        + "file-system events (0: file-system events where available)", required = false)
    long poll_ms() default 0;

    @AttributeDefinition(description = "An import policy file (absolute path) for this site's plugins, one rule a line: "
        + "'deny PATTERN' or 'allow PATTERN'; it applies with the compiler's importPolicy and the site's import-policy.txt, "
        + "and a package any of them denies is denied", required = false)
    String policy() default "";

    @AttributeDefinition(description = "Service types every plugin of the site must provide (fully qualified interface names, "
        + "a list or one comma-separated value): a plugin whose bundle declares no component providing one is refused after "
        + "the compile and before the install", required = false)
    String[] require() default {};

    @AttributeDefinition(description = "A deployment's configuration folder (absolute path): CONFIG/NAME/PID.cfg or .json is laid "
        + "over the config/ files of plugin NAME of this site, key by key", required = false)
    String config() default "";
}
