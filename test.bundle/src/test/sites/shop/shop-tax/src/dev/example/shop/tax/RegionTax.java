package dev.example.shop.tax;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import dev.example.shop.api.Tax;

/** The tax of the configured region (PID dev.example.shop.tax). */
@Component(configurationPid = "dev.example.shop.tax")
@Designate(ocd = TaxConfiguration.class)
public class RegionTax implements Tax {

    private final String region;
    private final int percent;
    private boolean deactivated;

    @Activate
    public RegionTax(TaxConfiguration config, @Reference(service = LoggerFactory.class) Logger logger) {
        this.region = config.region();
        this.percent = config.percent();
        logger.info("tax for {} at {}%", region, percent);
    }

    @Deactivate
    synchronized void deactivate() {
        deactivated = true;
        notifyAll();
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public long taxOf(long cents) {
        return cents * percent / 100;
    }

    @Override
    public synchronized String slow(Runnable started) {
        started.run();
        while (!deactivated) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        throw new IllegalStateException("the tax of " + region + " was deactivated during the call");
    }

    @Override
    public Line line(long cents) {
        return () -> region + ": " + taxOf(cents);
    }
}
