package dev.cogent.memory;

import dev.cogent.ApiException;
import dev.cogent.identity.Permission;
import dev.cogent.identity.Permissions;
import dev.cogent.identity.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns dataset names and ids of a request into datasets the caller may use, through the one
 * permission check ({@link Permissions#check}). Names only map to the caller's own datasets (as in
 * the anchor); a dataset shared with the caller is named by id. Thread-safe.
 */
public final class DatasetResolver {

  private final DatasetRepository datasets;
  private final Permissions permissions;

  public DatasetResolver(DatasetRepository datasets, Permissions permissions) {
    this.datasets = datasets;
    this.permissions = permissions;
  }

  /**
   * The dataset with this id, if the caller holds {@code permission} on it.
   *
   * @throws ApiException 404 {@code NOT_FOUND} when no such dataset exists, 403 {@code
   *     PERMISSION_DENIED} when the caller lacks the permission
   */
  public Dataset get(Principal caller, String datasetId, Permission permission) {
    Dataset dataset =
        (isUuid(datasetId) ? datasets.find(datasetId) : java.util.Optional.<Dataset>empty())
            .orElseThrow(() -> ApiException.notFound("dataset", datasetId));
    permissions.check(caller, dataset.id(), permission);
    return dataset;
  }

  /**
   * The one dataset a request names by {@code datasetId} (wins) or by the name of the caller's own.
   *
   * @throws ApiException 400 when neither is given, 404 for an unknown one, 403 without the
   *     permission
   */
  public Dataset named(
      Principal caller, String datasetName, String datasetId, Permission permission) {
    if (Forget.present(datasetId)) {
      return get(caller, datasetId.strip(), permission);
    }
    if (Forget.present(datasetName)) {
      return resolve(caller, List.of(datasetName.strip()), List.of(), permission).get(0);
    }
    throw ApiException.badRequest("No dataset_name or dataset_id provided");
  }

  /**
   * The datasets a request names: by {@code ids} when any are given (names are then ignored), else
   * by {@code names} among the caller's own datasets, else every dataset the caller may use with
   * {@code permission}.
   *
   * @throws ApiException 404 for an unknown id or name, 403 for a dataset the caller may not use
   */
  public List<Dataset> resolve(
      Principal caller, List<String> names, List<String> ids, Permission permission) {
    if (ids != null && !ids.isEmpty()) {
      Map<String, Dataset> found = new LinkedHashMap<>();
      for (String id : ids) {
        Dataset dataset = get(caller, id, permission);
        found.put(dataset.id(), dataset);
      }
      return List.copyOf(found.values());
    }
    if (names != null && !names.isEmpty()) {
      Map<String, Dataset> found = new LinkedHashMap<>();
      for (String name : names) {
        Dataset dataset =
            datasets
                .findByName(caller.userId(), name)
                .orElseThrow(() -> ApiException.notFound("dataset", name));
        permissions.check(caller, dataset.id(), permission);
        found.put(dataset.id(), dataset);
      }
      return List.copyOf(found.values());
    }
    return accessible(caller, permission);
  }

  /** The caller's own dataset with this name, if any (no permission check: the caller owns it). */
  public java.util.Optional<Dataset> findOwn(Principal caller, String name) {
    return datasets.findByName(caller.userId(), name);
  }

  /** Every dataset the caller may use with {@code permission}, oldest first. */
  public List<Dataset> accessible(Principal caller, Permission permission) {
    List<Dataset> result = new ArrayList<>();
    for (Dataset dataset : datasets.listAll()) {
      if (dataset.ownerId().equals(caller.userId())
          || permissions.isAllowed(caller, dataset.id(), permission)) {
        result.add(dataset);
      }
    }
    return result;
  }

  static boolean isUuid(String value) {
    if (value == null || value.length() != 36) {
      return false;
    }
    try {
      UUID.fromString(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
