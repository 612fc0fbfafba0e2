package dev.cogent.http;

import dev.cogent.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The OpenAPI document of the whole API, written by hand in {@code openapi/openapi.yaml} and served
 * as JSON at {@code /openapi.json}. Parsed once at start-up.
 */
public final class OpenApiDocument {

  static final String RESOURCE = "/openapi/openapi.yaml";

  private final String json;

  private OpenApiDocument(String json) {
    this.json = json;
  }

  /** Loads the document from the classpath, with {@code version} as its {@code info.version}. */
  public static OpenApiDocument load(Json mapper, String version) {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Object tree = plainYaml().load(in);
      var node = mapper.mapper().valueToTree(tree);
      if (node.path("info").isObject()) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("info")).put("version", version);
      }
      return new OpenApiDocument(mapper.write(node));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public String json() {
    return json;
  }

  /**
   * YAML with JSON's scalars only: no timestamps (examples such as {@code 2026-03-02T12:00:00Z}
   * stay strings) and no YAML 1.1 booleans such as {@code yes} or {@code on}.
   */
  static Yaml plainYaml() {
    LoaderOptions options = new LoaderOptions();
    Resolver resolver =
        new Resolver() {
          @Override
          protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|false)$"), "tf");
            addImplicitResolver(Tag.INT, Pattern.compile("^-?(?:0|[1-9][0-9]*)$"), "-0123456789");
            addImplicitResolver(
                Tag.FLOAT,
                Pattern.compile("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"),
                "-0123456789");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|)$"), "~n\0");
          }
        };
    return new Yaml(
        new SafeConstructor(options),
        new Representer(new org.yaml.snakeyaml.DumperOptions()),
        new org.yaml.snakeyaml.DumperOptions(),
        options,
        resolver);
  }

  /** The version of the Swagger UI webjar on the classpath, which its URLs contain. */
  static String swaggerUiVersion() {
    String resource = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
