package dev.cogent.http.routes;

import dev.cogent.http.Requests;
import dev.cogent.llm.ProviderConfig;
import dev.cogent.llm.ProviderRequests;
import dev.cogent.llm.ProviderService;
import dev.cogent.llm.ProviderTester;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /models/providers}, {@code /models/providers/{provider_id}} and its {@code /test}. */
public final class ProviderRoutes {

  private final ProviderService providers;
  private final ProviderTester tester;
  private final Requests requests;

  public ProviderRoutes(ProviderService providers, ProviderTester tester, Requests requests) {
    this.providers = providers;
    this.tester = tester;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/models/providers", this::list);
    routes.post("/models/providers", this::create);
    routes.patch("/models/providers/{provider_id}", this::update);
    routes.delete("/models/providers/{provider_id}", this::delete);
    routes.post("/models/providers/{provider_id}/test", this::test);
  }

  private void list(Context ctx) {
    List<ProviderConfig> list = providers.list(requests.scope(ctx));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("providers", list);
    body.put("count", list.size());
    ctx.json(body);
  }

  private void create(Context ctx) {
    var request = requests.body(ctx, ProviderRequests.Create.class);
    ctx.status(201).json(providers.create(request, requests.scope(ctx)));
  }

  private void update(Context ctx) {
    var patch = requests.body(ctx, ProviderRequests.Patch.class);
    var given = requests.bodyAsObject(ctx).keySet();
    ctx.json(providers.update(ctx.pathParam("provider_id"), patch, given, requests.scope(ctx)));
  }

  private void delete(Context ctx) {
    providers.delete(ctx.pathParam("provider_id"), requests.scope(ctx));
    ctx.status(204);
  }

  private void test(Context ctx) {
    ctx.json(tester.test(ctx.pathParam("provider_id"), requests.scope(ctx)));
  }
}
