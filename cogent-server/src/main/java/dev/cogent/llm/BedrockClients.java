package dev.cogent.llm;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The Bedrock runtime clients of this server, one per region, role and timeout, built once and
 * closed with the server (each owns a Netty event loop and connection pool).
 *
 * <p>Credentials: {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} (and {@code
 * AWS_SESSION_TOKEN}) of the given environment when set, else the SDK's default chain (profiles,
 * SSO, container and instance roles). With a {@code role_arn}, those credentials assume the role
 * through STS and the SDK refreshes the session before it expires. {@code
 * AWS_ENDPOINT_URL_BEDROCK_RUNTIME} (or {@code AWS_ENDPOINT_URL}) and {@code AWS_ENDPOINT_URL_STS}
 * replace the public endpoints, as in the AWS SDKs and CLI.
 *
 * <p>The SDK's retries are off: {@link RetryingChatModel} enforces the config's {@code max_retries}
 * for every provider alike.
 *
 * <p>Thread-safe.
 */
final class BedrockClients implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BedrockClients.class);

  private record Key(String region, String roleArn, Duration timeout) {}

  private final Map<String, String> environment;
  private final Map<Key, BedrockRuntimeAsyncClient> clients = new ConcurrentHashMap<>();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private boolean closed;

  BedrockClients(Map<String, String> environment) {
    this.environment = environment;
  }

  BedrockRuntimeAsyncClient client(String region, String roleArn, Duration timeout) {
    return clients.computeIfAbsent(new Key(region, roleArn, timeout), this::build);
  }

  private synchronized BedrockRuntimeAsyncClient build(Key key) {
    if (closed) {
      throw new IllegalStateException("The server is stopping");
    }
    Region region = Region.of(key.region());
    SdkAsyncHttpClient http =
        NettyNioAsyncHttpClient.builder()
            .readTimeout(key.timeout())
            .connectionTimeout(Duration.ofSeconds(10))
            .build();
    resources.add(http);
    AwsCredentialsProvider credentials = baseCredentials();
    if (key.roleArn() != null) {
      credentials = assumeRole(region, key.roleArn(), credentials);
    }
    BedrockRuntimeAsyncClientBuilder builder =
        BedrockRuntimeAsyncClient.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClient(http)
            .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()));
    endpoint("AWS_ENDPOINT_URL_BEDROCK_RUNTIME").ifPresent(builder::endpointOverride);
    BedrockRuntimeAsyncClient client = builder.build();
    resources.add(client);
    return client;
  }

  private AwsCredentialsProvider baseCredentials() {
    String id = environment.get("AWS_ACCESS_KEY_ID");
    String secret = environment.get("AWS_SECRET_ACCESS_KEY");
    if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
      DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
      resources.add(chain);
      return chain;
    }
    String token = environment.get("AWS_SESSION_TOKEN");
    AwsCredentials credentials =
        token == null || token.isBlank()
            ? AwsBasicCredentials.create(id, secret)
            : AwsSessionCredentials.create(id, secret, token);
    return StaticCredentialsProvider.create(credentials);
  }

  private AwsCredentialsProvider assumeRole(
      Region region, String roleArn, AwsCredentialsProvider base) {
    StsClientBuilder builder =
        StsClient.builder()
            .region(region)
            .credentialsProvider(base)
            .httpClient(UrlConnectionHttpClient.create());
    endpoint("AWS_ENDPOINT_URL_STS").ifPresent(builder::endpointOverride);
    StsClient sts = builder.build();
    StsAssumeRoleCredentialsProvider provider =
        StsAssumeRoleCredentialsProvider.builder()
            .stsClient(sts)
            .refreshRequest(
                AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("cogent").build())
            .build();
    resources.add(provider);
    resources.add(sts);
    return provider;
  }

  private java.util.Optional<URI> endpoint(String variable) {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      value = environment.get("AWS_ENDPOINT_URL");
    }
    return value == null || value.isBlank()
        ? java.util.Optional.empty()
        : java.util.Optional.of(URI.create(value));
  }

  @Override
  public synchronized void close() {
    closed = true;
    // Clients before the HTTP clients and credentials they use.
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("Closing a Bedrock client failed: {}", e.toString());
      }
    }
    resources.clear();
    clients.clear();
  }
}
