package com.example.wordwrap;

import org.apache.commons.text.WordUtils;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A fat plugin: Apache Commons Text, and Commons Lang that it needs, are jars in this plugin's
 * lib/ folder (fetched by the build from Maven Central), compiled against and inlined into the
 * plugin's bundle, private to it.
 */
@Component
public class Banner {

    @Activate
    void activate() {
        String text = "this plugin wraps its words with Apache Commons Text, a jar in its lib folder";
        for (String line : WordUtils.wrap(text, 36, "\n", true).split("\n")) {
            System.out.println("wordwrap: " + line);
        }
    }
}
