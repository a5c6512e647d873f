// Which main-thread tasks Lighthouse counted as total blocking time, and why: its simulation
// ("lantern") recomputed from the trace and network log of a run. Not a test.
// Run: AUDIT_ARTIFACTS=dir benchmarks/audit.py account/ ; node benchmarks/blocking_tasks.mjs dir/*
//
// Lighthouse's mobile total blocking time is simulated, not measured: each task of the trace is
// replayed four times slower on a slow 4G network, and a task counts for what it lasts over 50 ms
// between the simulated first contentful paint and the simulated time to interactive. The first
// contentful paint is simulated from the requests and tasks seen before the real paint only, so a
// script that ran after the real paint (Material's bundle.js, when the page is painted before it
// arrives) is left out of it and its evaluation counts as blocking. The average of Lighthouse's two
// simulations (optimistic, pessimistic) is the figure in the report. Uses Lighthouse's own modules
// (node_modules/lighthouse, 12.8.2 in package-lock.json), not a public API.
const lighthouse = (path) => import(new URL(`../node_modules/lighthouse/core/${path}`, import.meta.url));
const { loadArtifacts } = await lighthouse("lib/asset-saver.js");
const { LanternFirstContentfulPaint } = await lighthouse("computed/metrics/lantern-first-contentful-paint.js");
const { LanternInteractive } = await lighthouse("computed/metrics/lantern-interactive.js");
const { LanternTotalBlockingTime } = await lighthouse("computed/metrics/lantern-total-blocking-time.js");
const { ProcessedNavigation } = await lighthouse("computed/processed-navigation.js");

const BLOCKING_MS = 50;
const name = (url) => url.replace(/^[a-z]+:\/\/[^/]+/, "").replace(/\?.*/, "");
const isBundle = (url) => /\/bundle\.[0-9a-f]+\.min\.js$/.test(name(url));

/** What a simulated task was, from the trace events inside it. */
function describe(node) {
  const scripts = [...node.getEvaluateScriptURLs()].map(name);
  if (scripts.some(isBundle)) return "Material's bundle.js: evaluation";
  const dispatch = node.childEvents.find((e) => e.name === "EventDispatch" && e.dur > 1000);
  if (dispatch) return `${dispatch.args?.data?.type ?? "event"} handlers`;
  if (scripts.length) return `evaluation of ${scripts.join(", ")}`;
  const work = new Map();
  for (const e of node.childEvents) work.set(e.name, (work.get(e.name) ?? 0) + (e.dur ?? 0));
  const [most] = [...work].filter(([n]) => !n.includes("::")).sort((a, b) => b[1] - a[1]);
  return most ? `${most[0]} (mostly)` : "other";
}

/** A task's blocking time in a window, as Lighthouse counts it (TBTUtils.calculateTbtImpactForEvent). */
function blocking(timing, from, to) {
  if (timing.duration < BLOCKING_MS || timing.endTime < from || timing.startTime > to) return 0;
  const clipped = Math.min(timing.endTime, to) - Math.max(timing.startTime, from);
  return clipped < BLOCKING_MS ? 0 : clipped - BLOCKING_MS;
}

for (const folder of process.argv.slice(2)) {
  const artifacts = await loadArtifacts(folder);
  const context = { computedCache: new Map(), settings: artifacts.settings };
  const data = {
    trace: artifacts.Trace, devtoolsLog: artifacts.DevtoolsLog, gatherContext: artifacts.GatherContext,
    settings: artifacts.settings, URL: artifacts.URL, SourceMaps: artifacts.SourceMaps, simulator: null,
  };
  const navigation = await ProcessedNavigation.request(artifacts.Trace, context);
  const fcp = await LanternFirstContentfulPaint.request(data, context);
  const tti = await LanternInteractive.request(data, context);
  const tbt = await LanternTotalBlockingTime.request(data, context);
  const origin = navigation.timestamps.timeOrigin;
  const seen = (microseconds) => `${((microseconds - origin) / 1000).toFixed(0)} ms`;

  // What was seen (no slowdown): when bundle.js was asked for, and whether it ran before the paint.
  const nodes = [];
  tbt.pessimisticGraph.traverse((node) => nodes.push(node));
  const requests = nodes.filter((node) => node.type === "network");
  const firstStylesheet = Math.min(...requests.filter((node) => name(node.request.url).endsWith(".css"))
    .map((node) => node.startTime));
  const bundleRequest = requests.find((node) => isBundle(node.request.url));
  const bundleTask = nodes.find((node) => node.type === "cpu" && [...node.getEvaluateScriptURLs()].some(isBundle));
  const paint = navigation.timestamps.firstContentfulPaint;
  console.log(`${folder}: total blocking time ${tbt.timing.toFixed(0)} ms`);
  console.log(`  seen: first contentful paint ${seen(paint)}` +
    (bundleRequest ? `; bundle.js asked for ${((bundleRequest.startTime - firstStylesheet) / 1000).toFixed(0)} ms ` +
      "after the first stylesheet" : "") +
    (bundleTask ? `, run at ${seen(bundleTask.startTime)} (` + (bundleTask.startTime <= paint
      ? "before the paint: the simulated paint waits for it)" : "after the paint: the simulated paint does not wait for it)")
      : ""));

  // The two simulations; each counts its tasks between its first contentful paint and interactive time.
  const simulations = {
    optimistic: [tbt.optimisticEstimate, fcp.pessimisticEstimate.timeInMs, tti.optimisticEstimate.timeInMs],
    pessimistic: [tbt.pessimisticEstimate, fcp.optimisticEstimate.timeInMs, tti.pessimisticEstimate.timeInMs],
  };
  for (const [label, [estimate, from, to]] of Object.entries(simulations)) {
    console.log(`  ${label}: ${estimate.timeInMs.toFixed(0)} ms between first contentful paint ${from.toFixed(0)} ms ` +
      `and interactive ${to.toFixed(0)} ms (simulated)`);
    const tasks = [...estimate.nodeTimings].filter(([node, timing]) => node.type === "cpu" && timing.duration >= BLOCKING_MS)
      .sort((a, b) => a[1].startTime - b[1].startTime);
    for (const [node, timing] of tasks) {
      const counted = blocking(timing, from, to);
      console.log(`    ${timing.startTime.toFixed(0).padStart(5)} ms  ${timing.duration.toFixed(0).padStart(4)} ms  ` +
        `${counted ? `${counted.toFixed(0).padStart(4)} ms blocking` : "   not counted"}  ${describe(node)} ` +
        `(seen at ${seen(node.startTime)}, ${(node.duration / 1000).toFixed(0)} ms)`);
    }
  }
}
