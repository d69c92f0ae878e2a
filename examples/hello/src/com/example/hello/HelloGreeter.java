package com.example.hello;

import org.osgi.service.component.annotations.Component;

import com.example.greeter.Greeter;

/** Greets in English. */
@Component
public class HelloGreeter implements Greeter {

    @Override
    public String greet(String name) {
        return "Hello, " + name + "!";
    }

    @Override
    public String language() {
        return "en";
    }
}
