@Export
@Version("1.0.0")
package dev.example.shop.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
