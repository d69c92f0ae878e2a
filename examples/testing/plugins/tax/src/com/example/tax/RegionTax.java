package com.example.tax;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import com.example.tax.api.Tax;

/** The tax of the configured region. */
@Component(configurationPid = "com.example.tax")
@Designate(ocd = TaxConfiguration.class)
public class RegionTax implements Tax {

    private final String region;
    private final int percent;

    @Activate
    public RegionTax(TaxConfiguration config) {
        this.region = config.region();
        this.percent = config.percent();
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public long taxOf(long cents) {
        return cents * percent / 100;
    }
}
