package com.example.greeter;

/** Greets someone, in some language. */
public interface Greeter {

    /** @return a greeting for the given name */
    String greet(String name);

    /** @return the language of the greetings, for example "en" */
    String language();
}
