package com.example.bonjour;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import com.example.greeter.Greeter;

/** Greets in French; the salutation is configured (PID com.example.bonjour). */
@Component(configurationPid = "com.example.bonjour")
@Designate(ocd = BonjourConfiguration.class)
public class BonjourGreeter implements Greeter {

    private final String salutation;

    @Activate
    public BonjourGreeter(BonjourConfiguration config) {
        this.salutation = config.salutation();
    }

    @Override
    public String greet(String name) {
        return salutation + ", " + name + " !";
    }

    @Override
    public String language() {
        return "fr";
    }
}
