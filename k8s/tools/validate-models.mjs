#!/usr/bin/env node
// Offline check of rendered Kubernetes manifests (no cluster needed).
//
//   node validate-models.mjs [--external-secret NAME]... [--external-configmap NAME]... FILE.yaml
//
// For every object in FILE (the output of `kubectl kustomize`):
//   1. schema: objects of a built-in apiVersion/kind are checked with kubernetes-models' validate()
//      (types, required fields, enums); a kind it does not know fails the run.
//   2. unknown fields: validate() accepts misspelt fields (its schemas allow additional properties),
//      so every field is also looked up in the model's type declarations (.d.ts), as
//      `kubectl apply --validate=strict` would do against a server.
//   3. CloudNativePG objects (postgresql.cnpg.io/v1 Cluster, ScheduledBackup; CRDs that
//      kubernetes-models does not ship) are checked by hand for the fields NewsLens relies on.
//      KEDA (keda.sh) and Prometheus Operator (monitoring.coreos.com) objects are checked like built-in
//      ones, with the CRD models of @kubernetes-models/keda and @kubernetes-models/prometheus-operator.
//   4. references inside the rendered set: Service/PDB/NetworkPolicy selectors match pods, Service
//      target ports exist, ConfigMap/Secret/ServiceAccount/Role/HPA/Ingress references resolve
//      (Secrets and ConfigMaps managed outside the repo are named with --external-*); a ScaledObject's
//      target, TriggerAuthentication and Secrets exist and no HPA scales the same workload; a
//      ServiceMonitor selects Services that have its ports; Grafana dashboards are valid JSON; a pod
//      mounts a Kubernetes API token only if its ServiceAccount is bound to a Role (RBAC only where used).
//   5. hardening every workload must have: requests/limits, liveness/readiness probes on declared
//      ports, runAsNonRoot, no privilege escalation, ALL capabilities dropped, read-only root
//      filesystem, RuntimeDefault seccomp, pinned image tags.
// Exit status 0 when everything passes, 1 otherwise.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- arguments
const args = process.argv.slice(2);
const externalSecrets = new Set();
const externalConfigMaps = new Set();
let file;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--external-secret") externalSecrets.add(args[++i]);
  else if (args[i] === "--external-configmap") externalConfigMaps.add(args[++i]);
  else if (!file) file = args[i];
  else usage();
}
if (!file) usage();
function usage() {
  console.error("usage: validate-models.mjs [--external-secret NAME]... [--external-configmap NAME]... FILE.yaml");
  process.exit(2);
}

const objects = yaml.loadAll(fs.readFileSync(file, "utf8")).filter((o) => o != null);
const errors = [];
const notes = [];
const id = (o) => `${o.kind}/${o.metadata?.name ?? "?"}`;
const fail = (o, msg) => errors.push(`${id(o)}: ${msg}`);

// ---------------------------------------------------------------- 1. schema (kubernetes-models)
// CRDs with models of their own, by API group: the npm package that ships them
const crdPackages = {
  "keda.sh": "@kubernetes-models/keda",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};
const crdPackage = (apiVersion) => crdPackages[apiVersion.split("/")[0]];
async function modelFor(apiVersion, kind) {
  const pkg = crdPackage(apiVersion) ?? "kubernetes-models"; // core group: "v1"
  try {
    const mod = await import(`${pkg}/${apiVersion}/${kind}`);
    return mod[kind];
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- 2. unknown fields (.d.ts walk)
// Index every interface of kubernetes-models and its apimachinery package by its long, unique
// alias (IIoK8sApiCoreV1Container ...): property name -> referenced interface (or null for leaves).
const require = createRequire(import.meta.url);
function packageDir(name) {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [here] }));
}
const interfaces = new Map();
function indexDeclarations(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) indexDeclarations(full);
    else if (entry.name.endsWith(".d.ts")) indexFile(full);
  }
}
function indexFile(full) {
  const text = fs.readFileSync(full, "utf8");
  const aliases = new Map(); // local interface name -> long alias
  for (const m of text.matchAll(/export type \{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const a = part.trim().match(/^(\w+) as (\w+)$/);
      if (a) aliases.set(a[1], a[2]);
    }
  }
  for (const m of text.matchAll(/^export interface (\w+)(?: extends [^{]+)? \{\n([\s\S]*?)^\}/gm)) {
    const props = new Map();
    let inline = false; // inside a multi-line inline type (maps, anonymous objects): not walked
    for (const line of m[2].split("\n")) {
      if (inline) {
        if (/^ {4}\}/.test(line)) inline = false;
        continue;
      }
      const p = line.match(/^ {4}"([^"]+)"\??: (.*)$/);
      if (!p) continue;
      if (!p[2].endsWith(";")) {
        inline = true;
        props.set(p[1], null);
        continue;
      }
      const ref = p[2].slice(0, -1).match(/^(?:Array<)?(I[A-Za-z0-9]+)>?$/);
      props.set(p[1], ref ? ref[1] : null);
    }
    const entry = { props };
    interfaces.set(aliases.get(m[1]) ?? m[1], entry);
    interfaces.set(`${full}#${m[1]}`, entry);
  }
}
indexDeclarations(packageDir("kubernetes-models"));
indexDeclarations(packageDir("@kubernetes-models/apimachinery"));
for (const pkg of Object.values(crdPackages)) indexDeclarations(packageDir(pkg));

function checkFields(o, value, iface, where) {
  const entry = interfaces.get(iface);
  if (!entry || value == null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkFields(o, v, iface, `${where}[${i}]`));
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (!entry.props.has(key)) {
      fail(o, `unknown field "${where ? where + "." : ""}${key}"`);
      continue;
    }
    const ref = entry.props.get(key);
    if (ref) checkFields(o, v, ref, where ? `${where}.${key}` : key);
  }
}
function topInterface(apiVersion, kind) {
  const pkg = crdPackage(apiVersion);
  if (pkg) {
    const declared = `${path.join(packageDir(pkg), apiVersion, kind)}.d.ts#I${kind}`;
    return interfaces.has(declared) ? declared : undefined;
  }
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const groupPart = group === "core" ? "Core" : group.split(".")[0].split("-").map(cap).join("");
  // e.g. IIoK8sApiAppsV1Deployment, IIoK8sApiRbacV1Role, IIoK8sApiAutoscalingV2HorizontalPodAutoscaler
  const name = `IIoK8sApi${groupPart}${cap(version)}${kind}`;
  return interfaces.has(name) ? name : undefined;
}

// ---------------------------------------------------------------- 3. CloudNativePG (by hand)
function get(o, dotted) {
  return dotted.split(".").reduce((v, k) => (v == null ? undefined : v[k]), o);
}
function checkCnpg(o) {
  const need = (p, pred, what) => {
    const v = get(o, p);
    if (v === undefined || (pred && !pred(v))) fail(o, `${p} ${what ?? "is required"}`);
  };
  const known = (obj, where, allowed) => {
    for (const k of Object.keys(obj ?? {})) if (!allowed.includes(k)) fail(o, `unknown field "${where}.${k}" (not in the fields this check knows)`);
  };
  if (o.kind === "Cluster") {
    known(o.spec, "spec", ["instances", "imageName", "primaryUpdateStrategy", "inheritedMetadata", "affinity",
      "postgresql", "resources", "storage", "walStorage", "bootstrap", "managed", "monitoring", "backup",
      "description", "enableSuperuserAccess", "superuserSecret", "minSyncReplicas", "maxSyncReplicas",
      "startDelay", "stopDelay", "switchoverDelay", "failoverDelay", "logLevel", "certificates", "topologySpreadConstraints",
      "priorityClassName", "serviceAccountTemplate", "env", "externalClusters", "replica", "imagePullSecrets", "plugins"]);
    need("spec.instances", (v) => Number.isInteger(v) && v >= 1, "must be an integer >= 1");
    need("spec.storage.size", (v) => /^\d+(Ki|Mi|Gi|Ti)$/.test(v), "must be a quantity like 50Gi");
    if (get(o, "spec.walStorage")) need("spec.walStorage.size", (v) => /^\d+(Ki|Mi|Gi|Ti)$/.test(v), "must be a quantity");
    if (get(o, "spec.primaryUpdateStrategy"))
      need("spec.primaryUpdateStrategy", (v) => ["supervised", "unsupervised"].includes(v), "must be supervised|unsupervised");
    need("spec.bootstrap.initdb.database", (v) => typeof v === "string" && v.length > 0);
    need("spec.bootstrap.initdb.owner", (v) => typeof v === "string" && v.length > 0);
    need("spec.bootstrap.initdb.secret.name", (v) => typeof v === "string");
    known(get(o, "spec.bootstrap.initdb"), "spec.bootstrap.initdb", ["database", "owner", "secret", "postInitSQL",
      "postInitApplicationSQL", "postInitTemplateSQL", "postInitApplicationSQLRefs", "encoding", "localeCType",
      "localeCollate", "dataChecksums", "walSegmentSize", "options", "import", "locale", "icuLocale", "localeProvider"]);
    secretRef(o, get(o, "spec.bootstrap.initdb.secret.name"), "spec.bootstrap.initdb.secret");
    for (const r of get(o, "spec.managed.roles") ?? []) if (r.passwordSecret?.name) secretRef(o, r.passwordSecret.name, `spec.managed.roles ${r.name}`);
    for (const s of get(o, "spec.bootstrap.initdb.postInitApplicationSQL") ?? [])
      if (typeof s !== "string") fail(o, "spec.bootstrap.initdb.postInitApplicationSQL entries must be strings");
    for (const [i, r] of (get(o, "spec.managed.roles") ?? []).entries()) {
      if (!r.name) fail(o, `spec.managed.roles[${i}].name is required`);
      if (r.ensure && !["present", "absent"].includes(r.ensure)) fail(o, `spec.managed.roles[${i}].ensure must be present|absent`);
      known(r, `spec.managed.roles[${i}]`, ["name", "ensure", "login", "superuser", "createdb", "createrole",
        "inherit", "replication", "bypassrls", "connectionLimit", "validUntil", "inRoles", "comment",
        "passwordSecret", "disablePassword"]);
    }
    const store = get(o, "spec.backup.barmanObjectStore");
    if (get(o, "spec.backup")) {
      need("spec.backup.barmanObjectStore.destinationPath", (v) => /^(s3|gs|https?):\/\//.test(v), "must be an s3://, gs:// or https:// URL");
      if (store && !store.s3Credentials && !store.googleCredentials && !store.azureCredentials)
        fail(o, "spec.backup.barmanObjectStore needs s3Credentials, googleCredentials or azureCredentials");
      if (get(o, "spec.backup.retentionPolicy")) need("spec.backup.retentionPolicy", (v) => /^\d+[dwm]$/.test(v), "must look like 30d");
      for (const ref of [store?.s3Credentials?.accessKeyId, store?.s3Credentials?.secretAccessKey])
        if (ref?.name) secretRef(o, ref.name, "spec.backup.barmanObjectStore.s3Credentials");
      if (/CHANGE-ME/.test(JSON.stringify(store))) notes.push(`${id(o)}: backup object store still has CHANGE-ME placeholders (fill in before applying)`);
    }
  } else if (o.kind === "ScheduledBackup") {
    need("spec.schedule", (v) => typeof v === "string" && v.trim().split(/\s+/).length === 6, "must be a six-field cron (seconds first)");
    need("spec.cluster.name", (v) => typeof v === "string");
    const clusters = objects.filter((c) => c.kind === "Cluster" && c.apiVersion === o.apiVersion).map((c) => c.metadata.name);
    if (!clusters.includes(get(o, "spec.cluster.name"))) fail(o, `spec.cluster.name "${get(o, "spec.cluster.name")}" is not a Cluster in this render`);
  } else {
    fail(o, `no check for ${o.apiVersion} ${o.kind}`);
  }
}

// ---------------------------------------------------------------- 4./5. references and hardening
const byKind = (kind) => objects.filter((o) => o.kind === kind);
const names = (kind) => new Set(byKind(kind).map((o) => o.metadata.name));
const workloads = objects.filter((o) => ["Deployment", "StatefulSet", "DaemonSet", "Job"].includes(o.kind));
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
// labels of every pod this render will produce: workload templates, plus CloudNativePG instances
const podLabelSets = [
  ...workloads.map((w) => w.spec.template.metadata?.labels ?? {}),
  ...byKind("Cluster").filter((c) => c.apiVersion?.startsWith("postgresql.cnpg.io/")).map((c) => ({
    ...(c.spec.inheritedMetadata?.labels ?? {}), "cnpg.io/cluster": c.metadata.name,
  })),
];
const configMaps = new Map(byKind("ConfigMap").map((c) => [c.metadata.name, c]));
const secrets = names("Secret");

function checkRefs(o) {
  if (o.kind === "Service" && o.spec?.selector) {
    const pods = workloads.filter((w) => matches(o.spec.selector, w.spec.template.metadata?.labels));
    if (pods.length === 0) fail(o, `selector ${JSON.stringify(o.spec.selector)} matches no pod template`);
    for (const port of o.spec.ports ?? []) {
      if (typeof port.targetPort !== "string") continue;
      const ok = pods.some((w) => w.spec.template.spec.containers.some((c) => (c.ports ?? []).some((p) => p.name === port.targetPort)));
      if (!ok) fail(o, `targetPort "${port.targetPort}" is not a named container port of the selected pods`);
    }
  }
  if (o.kind === "PodDisruptionBudget") {
    if (!podLabelSets.some((l) => matches(o.spec.selector?.matchLabels, l))) fail(o, "selector matches no pod template");
  }
  if (o.kind === "NetworkPolicy") {
    const sel = o.spec.podSelector?.matchLabels;
    if (sel && Object.keys(sel).length && !podLabelSets.some((l) => matches(sel, l))) fail(o, `podSelector ${JSON.stringify(sel)} matches no pod`);
    for (const rule of [...(o.spec.ingress ?? []).flatMap((r) => r.from ?? []), ...(o.spec.egress ?? []).flatMap((r) => r.to ?? [])]) {
      const ps = rule.podSelector?.matchLabels;
      if (ps && !rule.namespaceSelector && !podLabelSets.some((l) => matches(ps, l))) fail(o, `peer podSelector ${JSON.stringify(ps)} matches no pod`);
    }
  }
  if (o.kind === "HorizontalPodAutoscaler") {
    const t = objects.find((x) => x.kind === o.spec.scaleTargetRef.kind && x.metadata.name === o.spec.scaleTargetRef.name);
    if (!t) fail(o, `scaleTargetRef ${o.spec.scaleTargetRef.kind}/${o.spec.scaleTargetRef.name} not found`);
    else {
      if (t.spec.replicas !== undefined) fail(o, `${id(t)} sets spec.replicas; the HPA should own it`);
      const usesCpu = (o.spec.metrics ?? []).some((m) => m.resource?.name === "cpu");
      if (usesCpu && t.spec.template.spec.containers.some((c) => !c.resources?.requests?.cpu)) fail(o, "CPU metric needs CPU requests on every container");
      if (o.spec.minReplicas > o.spec.maxReplicas) fail(o, "minReplicas > maxReplicas");
    }
  }
  if (o.kind === "ScaledObject") {
    const ref = o.spec.scaleTargetRef;
    const t = objects.find((x) => x.kind === (ref.kind ?? "Deployment") && x.metadata.name === ref.name);
    if (!t) fail(o, `scaleTargetRef ${ref.kind ?? "Deployment"}/${ref.name} not found`);
    else {
      if (t.spec.replicas !== undefined) fail(o, `${id(t)} sets spec.replicas; the ScaledObject should own it`);
      const hpa = byKind("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.kind === t.kind && h.spec.scaleTargetRef.name === t.metadata.name);
      if (hpa) fail(o, `${id(hpa)} scales ${id(t)} too: KEDA creates its own HPA, two would fight over the replicas`);
      const usesCpu = o.spec.triggers.some((tr) => tr.type === "cpu");
      if (usesCpu && t.spec.template.spec.containers.some((c) => !c.resources?.requests?.cpu)) fail(o, "cpu trigger needs CPU requests on every container");
    }
    if ((o.spec.minReplicaCount ?? 0) > (o.spec.maxReplicaCount ?? 100)) fail(o, "minReplicaCount > maxReplicaCount");
    for (const tr of o.spec.triggers) {
      const auth = tr.authenticationRef?.name;
      if (auth && !objects.some((x) => x.kind === (tr.authenticationRef.kind ?? "TriggerAuthentication") && x.metadata.name === auth))
        fail(o, `trigger ${tr.name ?? tr.type}: authenticationRef ${auth} not found`);
      if (tr.type === "postgresql") {
        for (const key of ["query", "targetQueryValue"]) if (!tr.metadata?.[key]) fail(o, `postgresql trigger needs metadata.${key}`);
        if (!tr.metadata?.connectionFromEnv && !tr.metadata?.host) fail(o, "postgresql trigger needs metadata.host (or connectionFromEnv)");
      }
    }
  }
  if (o.kind === "TriggerAuthentication") {
    for (const ref of o.spec.secretTargetRef ?? []) secretRef(o, ref.name, `secretTargetRef ${ref.parameter}`);
  }
  if (o.kind === "ServiceMonitor") {
    const services = byKind("Service").filter((s) => matches(o.spec.selector?.matchLabels, s.metadata.labels));
    if (services.length === 0) fail(o, `selector ${JSON.stringify(o.spec.selector)} matches no Service`);
    for (const s of services) if (s.spec.clusterIP === "None") fail(o, `selects headless ${id(s)}: its pods would be scraped twice`);
    for (const e of o.spec.endpoints) {
      for (const s of services) if (!(s.spec.ports ?? []).some((p) => p.name === e.port)) fail(o, `endpoint port "${e.port}" is not a port of ${id(s)}`);
      if (e.path && !e.path.startsWith("/q/metrics")) fail(o, `endpoint path ${e.path} is not the services' /q/metrics`);
    }
  }
  if (o.kind === "ConfigMap" && o.metadata.labels?.grafana_dashboard) {
    for (const [key, json] of Object.entries(o.data ?? {})) {
      try {
        JSON.parse(json);
      } catch (e) {
        fail(o, `dashboard ${key} is not valid JSON: ${e.message}`);
      }
    }
  }
  if (o.kind === "RoleBinding") {
    if (o.roleRef.kind === "Role" && !names("Role").has(o.roleRef.name)) fail(o, `roleRef Role/${o.roleRef.name} not found`);
    for (const s of o.subjects ?? []) {
      if (s.kind !== "ServiceAccount") continue;
      if (!s.namespace) fail(o, `subject ServiceAccount/${s.name} has no namespace`);
      if (!names("ServiceAccount").has(s.name)) fail(o, `subject ServiceAccount/${s.name} not found`);
    }
  }
  if (o.kind === "Ingress") {
    for (const rule of o.spec.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const svc = byKind("Service").find((s) => s.metadata.name === p.backend.service?.name);
        if (!svc) { fail(o, `backend Service/${p.backend.service?.name} not found`); continue; }
        const port = p.backend.service.port;
        if (!svc.spec.ports.some((sp) => (port.name ? sp.name === port.name : sp.port === port.number)))
          fail(o, `backend port ${JSON.stringify(port)} not on Service/${svc.metadata.name}`);
      }
    }
    for (const t of o.spec.tls ?? []) if (t.secretName && !secrets.has(t.secretName) && !externalSecrets.has(t.secretName))
      fail(o, `TLS Secret/${t.secretName} neither rendered nor declared external`);
  }
  if (o.kind === "StatefulSet") {
    const svc = byKind("Service").find((s) => s.metadata.name === o.spec.serviceName);
    if (!svc) fail(o, `serviceName ${o.spec.serviceName} is not a Service in this render`);
    else if (svc.spec.clusterIP !== "None") fail(o, `serviceName ${o.spec.serviceName} is not headless`);
  }
  if (o.spec?.template?.spec) checkPod(o, o.spec.template.spec, o.spec.template.metadata ?? {});
}

function secretRef(o, name, where) {
  if (!secrets.has(name) && !externalSecrets.has(name)) fail(o, `${where}: Secret/${name} neither rendered nor declared external`);
}
function configMapRef(o, name, key, where) {
  if (externalConfigMaps.has(name)) return;
  const cm = configMaps.get(name);
  if (!cm) fail(o, `${where}: ConfigMap/${name} not found`);
  else if (key && !(key in (cm.data ?? {}))) fail(o, `${where}: key ${key} not in ConfigMap/${name}`);
}

function checkPod(o, pod, meta) {
  if (pod.serviceAccountName && !names("ServiceAccount").has(pod.serviceAccountName)) fail(o, `ServiceAccount/${pod.serviceAccountName} not found`);
  const account = byKind("ServiceAccount").find((a) => a.metadata.name === (pod.serviceAccountName ?? "default"));
  const mountsToken = pod.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true;
  const bound = [...byKind("RoleBinding"), ...byKind("ClusterRoleBinding")]
    .some((b) => (b.subjects ?? []).some((s) => s.kind === "ServiceAccount" && s.name === (pod.serviceAccountName ?? "default")));
  if (mountsToken && !bound) fail(o, "mounts a Kubernetes API token but its ServiceAccount is bound to no Role: set automountServiceAccountToken: false");
  const psc = pod.securityContext ?? {};
  if (psc.seccompProfile?.type !== "RuntimeDefault") fail(o, "pod securityContext.seccompProfile.type should be RuntimeDefault");
  for (const v of pod.volumes ?? []) {
    if (v.configMap) configMapRef(o, v.configMap.name, null, `volume ${v.name}`);
    if (v.secret) secretRef(o, v.secret.secretName, `volume ${v.name}`);
  }
  const volumeNames = new Set([...(pod.volumes ?? []).map((v) => v.name), ...(o.spec.volumeClaimTemplates ?? []).map((v) => v.metadata.name)]);
  const isService = meta.labels?.["app.kubernetes.io/part-of"] === "newslens" && /-service$/.test(meta.labels?.["app.kubernetes.io/name"] ?? "");
  if (isService) {
    const a = meta.annotations ?? {};
    if (a["prometheus.io/scrape"] !== "true" || a["prometheus.io/path"] !== "/q/metrics" || !a["prometheus.io/port"])
      fail(o, "pod template lacks prometheus.io/scrape, /port and /path=/q/metrics annotations");
  }
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
    const where = `container ${c.name}`;
    const csc = c.securityContext ?? {};
    if (!(csc.runAsNonRoot ?? psc.runAsNonRoot)) fail(o, `${where}: runAsNonRoot not set`);
    if (csc.allowPrivilegeEscalation !== false) fail(o, `${where}: allowPrivilegeEscalation must be false`);
    if (!(csc.capabilities?.drop ?? []).includes("ALL")) fail(o, `${where}: capabilities must drop ALL`);
    if (csc.readOnlyRootFilesystem !== true) fail(o, `${where}: readOnlyRootFilesystem should be true`);
    if (!/:[^/]+$|@sha256:/.test(c.image) || /:latest$/.test(c.image)) fail(o, `${where}: image ${c.image} has no pinned tag`);
    const r = c.resources ?? {};
    if (!r.requests?.cpu || !r.requests?.memory || !r.limits?.memory) fail(o, `${where}: needs cpu/memory requests and a memory limit`);
    if (!c.livenessProbe || !c.readinessProbe) fail(o, `${where}: needs liveness and readiness probes`);
    const portNames = new Set((c.ports ?? []).map((p) => p.name));
    const portNumbers = new Set((c.ports ?? []).map((p) => p.containerPort));
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const http = c[probe]?.httpGet;
      if (!http) continue;
      if (!(typeof http.port === "string" ? portNames.has(http.port) : portNumbers.has(http.port))) fail(o, `${where}: ${probe} port ${http.port} not declared`);
      if (isService && !http.path.startsWith("/q/health/")) fail(o, `${where}: ${probe} should use /q/health/*`);
    }
    for (const m of c.volumeMounts ?? []) if (!volumeNames.has(m.name)) fail(o, `${where}: volumeMount ${m.name} has no volume`);
    for (const e of c.env ?? []) {
      const cm = e.valueFrom?.configMapKeyRef;
      const sk = e.valueFrom?.secretKeyRef;
      if (cm) configMapRef(o, cm.name, cm.key, `${where} env ${e.name}`);
      if (sk) secretRef(o, sk.name, `${where} env ${e.name}`);
    }
    const envNames = (c.env ?? []).map((e) => e.name);
    const dup = envNames.filter((n, i) => envNames.indexOf(n) !== i);
    if (dup.length) fail(o, `${where}: duplicate env ${dup.join(", ")}`);
    for (const ef of c.envFrom ?? []) {
      if (ef.configMapRef) configMapRef(o, ef.configMapRef.name, null, `${where} envFrom`);
      if (ef.secretRef) secretRef(o, ef.secretRef.name, `${where} envFrom`);
    }
  }
}

// ---------------------------------------------------------------- run
const counts = new Map();
for (const o of objects) {
  if (!o.apiVersion || !o.kind || !o.metadata?.name) {
    errors.push(`object without apiVersion/kind/metadata.name: ${JSON.stringify(o).slice(0, 120)}`);
    continue;
  }
  let how;
  if (o.apiVersion.startsWith("postgresql.cnpg.io/")) {
    checkCnpg(o);
    how = "CloudNativePG CRD, checked by hand";
  } else {
    const Model = await modelFor(o.apiVersion, o.kind);
    if (!Model) {
      fail(o, `no kubernetes-models schema for ${o.apiVersion} ${o.kind}`);
      continue;
    }
    try {
      new Model(o).validate();
    } catch (e) {
      fail(o, `schema: ${e.message}`);
    }
    const top = topInterface(o.apiVersion, o.kind);
    if (top) checkFields(o, o, top, "");
    else notes.push(`${id(o)}: no type declarations found for the unknown-field check`);
    how = "kubernetes-models";
  }
  checkRefs(o);
  const key = `${o.apiVersion} ${o.kind} (${how})`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

console.log(`${file}: ${objects.length} objects`);
for (const [k, n] of [...counts].sort()) console.log(`  ${String(n).padStart(2)} x ${k}`);
if (externalSecrets.size) console.log(`  external Secrets (must exist in the cluster): ${[...externalSecrets].join(", ")}`);
for (const n of notes) console.log(`  note: ${n}`);
if (errors.length) {
  for (const e of new Set(errors)) console.log(`  ERROR ${e}`);
  console.log(`FAILED: ${new Set(errors).size} problem(s)`);
  process.exit(1);
}
console.log("OK");
