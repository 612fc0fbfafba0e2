package dev.cogent.llm;

import dev.cogent.Json;
import dev.cogent.llm.FakeProviderServer.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Google service-account keys and OAuth token answers for the Vertex AI fakes. */
public final class GoogleServiceAccounts {

  private GoogleServiceAccounts() {}

  /**
   * Writes a real service-account key file (a fresh RSA key) of project {@code cogent-test} whose
   * {@code token_uri} is {@code tokenUri}, and returns its path.
   */
  public static Path write(Path folder, String tokenUri) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder()
                  .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      Map<String, String> key = new LinkedHashMap<>();
      key.put("type", "service_account");
      key.put("project_id", "cogent-test");
      key.put("private_key_id", "key-1");
      key.put("private_key", pem);
      key.put("client_email", "cogent@cogent-test.iam.gserviceaccount.com");
      key.put("client_id", "1234567890");
      key.put("token_uri", tokenUri);
      Path file = folder.resolve("service-account.json");
      Files.writeString(file, new Json().write(key));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token endpoint's answer. */
  public static Reply token(String accessToken, int expiresInSeconds) {
    return Reply.json(
        200,
        "{\"access_token\":\""
            + accessToken
            + "\",\"expires_in\":"
            + expiresInSeconds
            + ",\"token_type\":\"Bearer\"}");
  }
}
