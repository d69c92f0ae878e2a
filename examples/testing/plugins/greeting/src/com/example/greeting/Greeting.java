package com.example.greeting;

import java.util.function.Function;

import org.osgi.service.component.annotations.Component;

/** Greets a name in English. */
@Component(property = "greeting=en")
public class Greeting implements Function<String, String> {

    @Override
    public String apply(String name) {
        return "Hello, " + name + "!";
    }
}
