package dev.cogent.http.routes;

import dev.cogent.http.Requests;
import dev.cogent.registry.Skill;
import dev.cogent.registry.SkillRequests;
import dev.cogent.registry.SkillService;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;

/** {@code /skills} and {@code /skills/{name}}. */
public final class SkillRoutes {

  private final SkillService skills;
  private final Requests requests;

  public SkillRoutes(SkillService skills, Requests requests) {
    this.skills = skills;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/skills", this::list);
    routes.post("/skills", this::create);
    routes.get("/skills/{name}", this::get);
    routes.put("/skills/{name}", this::replace);
    routes.patch("/skills/{name}", this::update);
    routes.delete("/skills/{name}", this::delete);
  }

  private void list(Context ctx) {
    List<Skill> list = skills.list(requests.scope(ctx));
    ctx.json(Map.of("skills", list, "count", list.size()));
  }

  private void create(Context ctx) {
    var request = requests.body(ctx, SkillRequests.Write.class);
    ctx.status(201).json(skills.create(request, requests.scope(ctx)));
  }

  private void get(Context ctx) {
    ctx.json(skills.get(ctx.pathParam("name"), requests.scope(ctx)));
  }

  private void replace(Context ctx) {
    var request = requests.body(ctx, SkillRequests.Write.class);
    ctx.json(skills.replace(ctx.pathParam("name"), request, requests.scope(ctx)));
  }

  private void update(Context ctx) {
    var patch = requests.body(ctx, SkillRequests.Patch.class);
    var given = requests.bodyAsObject(ctx).keySet();
    ctx.json(skills.update(ctx.pathParam("name"), patch, given, requests.scope(ctx)));
  }

  private void delete(Context ctx) {
    skills.delete(ctx.pathParam("name"), requests.scope(ctx));
    ctx.status(204);
  }
}
