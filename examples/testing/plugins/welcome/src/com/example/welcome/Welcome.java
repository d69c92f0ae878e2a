package com.example.welcome;

import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A welcome line, made with whichever English greeting is there. */
@Component(property = "welcome=true")
public class Welcome implements Supplier<String> {

    @Reference(target = "(greeting=en)")
    Function<String, String> greeting;

    @Override
    public String get() {
        return "Welcome! " + greeting.apply("visitor");
    }
}
