package com.example.web;

import java.io.IOException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * A page at /greeting, served by the OSGi Servlet Whiteboard of 'graft run --http PORT': edit
 * GREETING while the page is open and reload it.
 */
@Component(service = Servlet.class, property = "osgi.http.whiteboard.servlet.pattern=/greeting")
public class GreetingPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String GREETING = "Hello from a source plugin";

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Activate
    void activate() {
        logger.info("serving /greeting: {}", GREETING);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().print("""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Graft web example</title></head>
            <body>
            <h1 id="greeting">%s</h1>
            <p>Edit <code>examples/web/src/com/example/web/GreetingPage.java</code> and reload this page.</p>
            </body>
            </html>
            """.formatted(GREETING));
    }
}
