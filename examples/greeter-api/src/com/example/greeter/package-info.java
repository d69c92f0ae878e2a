/** The API that greeter plugins provide and the greetings plugin uses. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package com.example.greeter;
