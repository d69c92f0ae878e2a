/** The API of taxes: exported by this source plugin only, so the tests cannot compile against it. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package com.example.tax.api;
