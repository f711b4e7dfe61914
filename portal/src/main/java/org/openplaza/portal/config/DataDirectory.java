package org.openplaza.portal.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code openplaza.data-dir} absolute and creates it before anything opens a file there, so
 * that "data", "./data" and "/var/lib/openplaza" all work (H2 refuses implicitly relative paths).
 */
public class DataDirectory implements EnvironmentPostProcessor {

    public static final String PROPERTY = "openplaza.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "./data");
        Path absolute = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + absolute, e);
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("openplaza-data-dir", Map.of(PROPERTY, absolute.toString())));
    }
}
