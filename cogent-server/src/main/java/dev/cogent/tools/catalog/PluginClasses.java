package dev.cogent.tools.catalog;

import dev.cogent.tools.Tool;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Java classes of {@code path} tools: on the server's classpath or in a jar of the
 * project's {@code .cogent/plugins/} folder. {@link #reload} rereads the folder (at start-up and on
 * {@code POST /tools/reload}); instances made from an older loader keep working.
 *
 * <p>Plugins run inside the server with its privileges: only an operator who can write the project
 * folder can add a jar, and the API can only name classes that are already there.
 *
 * <p>Thread-safe.
 */
public final class PluginClasses {

  private static final Logger log = LoggerFactory.getLogger(PluginClasses.class);

  private static final Pattern CLASS_NAME =
      Pattern.compile("^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$");

  private final Path pluginsDir;
  private volatile ClassLoader loader = PluginClasses.class.getClassLoader();

  public PluginClasses(Path projectDir) {
    this.pluginsDir = projectDir.toAbsolutePath().normalize().resolve(".cogent").resolve("plugins");
  }

  /** Reads the jars of the plugins folder again; returns how many there are. */
  public int reload() {
    List<URL> jars = new ArrayList<>();
    if (Files.isDirectory(pluginsDir)) {
      try (Stream<Path> listing = Files.list(pluginsDir)) {
        for (Path jar : listing.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
          jars.add(jar.toUri().toURL());
        }
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        log.warn("Cannot list the plugin folder {}", pluginsDir, e);
      }
    }
    ClassLoader parent = PluginClasses.class.getClassLoader();
    loader = jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(URL[]::new), parent);
    if (!jars.isEmpty()) {
      log.info("Tool plugins from {}: {} jar(s)", pluginsDir, jars.size());
    }
    return jars.size();
  }

  /**
   * A new instance of the tool class {@code className} (public, with a public no-argument
   * constructor, implementing {@link Tool}).
   *
   * @throws IllegalArgumentException naming the problem, fit for a client
   */
  Tool instantiate(String className) {
    if (!CLASS_NAME.matcher(className).matches()) {
      throw new IllegalArgumentException("is not a Java class name");
    }
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "no class " + className + " on the classpath or in .cogent/plugins/*.jar");
    }
    if (!Tool.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(className + " does not implement " + Tool.class.getName());
    }
    try {
      return (Tool) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalArgumentException(
          className + " needs a public constructor without parameters");
    } catch (InstantiationException | InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException(
          "creating "
              + className
              + " failed: "
              + cause.getClass().getSimpleName()
              + ": "
              + cause.getMessage());
    }
  }
}
