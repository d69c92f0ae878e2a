package com.example.greetings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.example.greeter.Greeter;

/** Prints a greeting from every greeter, as greeters come and go. */
@Component(immediate = true, service = Greetings.class)
public class Greetings {

    private final List<Greeter> greeters = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addGreeter(Greeter greeter) {
        greeters.add(greeter);
        System.out.println("greetings: [" + greeter.language() + "] " + greeter.greet("Graft"));
    }

    void removeGreeter(Greeter greeter) {
        greeters.remove(greeter);
        System.out.println("greetings: the " + greeter.language() + " greeter left");
    }

    /** @return a greeting from each greeter there is now */
    public List<String> greetAll(String name) {
        return greeters.stream().map(g -> g.greet(name)).toList();
    }
}
