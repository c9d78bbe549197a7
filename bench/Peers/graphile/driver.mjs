// graphile-worker's side of `bench jobs-vs-peers`, driven by one command per line on stdin; every command answers one
// line "result <json>" (or "error <message>") on stdout. Usage: node driver.mjs <npm prefix>, DATABASE_URL set.
// graphile-worker is resolved from the npm prefix the bench installed it into (NpmPackage.EnsureAsync), not from here.
//
//   migrate                       installs graphile-worker's schema (graphile_worker) through its own migrations
//   reset                         empties its jobs table: a fresh queue for the round
//   enqueue <jobs> <batch>        addJobs of no-op jobs with no worker running; {ms}
//   drain <jobs> <concurrency>    starts a runner and times until its jobs table is empty (polled every 100 ms); {ms, runs}
//   idle <samples> <pause ms> <concurrency>
//                                 one addJob at a time into an idle runner: enqueue call -> handler's first line, {samples, calls}
//   quit
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

const prefix = process.argv[2];
const require = createRequire(path.join(prefix, "package.json"));
const { run, makeWorkerUtils, Logger } = await import(pathToFileURL(require.resolve("graphile-worker")).href);

const connectionString = process.env.DATABASE_URL;
const pollEvery = 100;
const warmUp = 5;
// Errors only: per-job info lines would cost more than the no-op jobs, as on the platform side (Warning).
const logger = new Logger(() => (level, message) => {
  if (level === "error") console.error(message);
});
const utils = await makeWorkerUtils({ connectionString, logger });

let runs = 0;
const watched = new Map();
const taskList = {
  noop: async (payload) => {
    const now = process.hrtime.bigint();
    runs++;
    const started = payload && payload.watch ? watched.get(payload.watch) : undefined;
    if (started) started(now);
  },
};

const startRunner = (concurrency) =>
  run({ connectionString, concurrency, noHandleSignals: true, pollInterval: 2000, taskList, logger });

async function queued() {
  return utils.withPgClient(async (client) => {
    const { rows } = await client.query("select count(*)::int as n from graphile_worker._private_jobs");
    return rows[0].n;
  });
}

const commands = {
  async migrate() {
    await utils.migrate();
    return {};
  },
  async reset() {
    await utils.withPgClient((client) => client.query("delete from graphile_worker._private_jobs"));
    return {};
  },
  async enqueue(jobs, batch) {
    const started = process.hrtime.bigint();
    for (let done = 0; done < jobs; done += batch) {
      const specs = Array.from({ length: Math.min(batch, jobs - done) }, () => ({ identifier: "noop", payload: {} }));
      await utils.addJobs(specs);
    }
    return { ms: Number(process.hrtime.bigint() - started) / 1e6 };
  },
  async drain(jobs, concurrency) {
    runs = 0;
    const started = process.hrtime.bigint();
    const runner = await startRunner(concurrency);
    while ((await queued()) > 0) await sleep(pollEvery);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    await runner.stop();
    return { ms, runs, jobs };
  },
  async idle(samples, pauseMs, concurrency) {
    const runner = await startRunner(concurrency);
    const latencies = [];
    const calls = [];
    for (let i = 0; i < warmUp + samples; i++) {
      await sleep(pauseMs + Math.random() * 50);
      const id = `w${i}`;
      const start = new Promise((resolve) => watched.set(id, resolve));
      const before = process.hrtime.bigint();
      await utils.addJob("noop", { watch: id });
      const returned = process.hrtime.bigint();
      const at = await start;
      watched.delete(id);
      if (i >= warmUp) {
        latencies.push(Number(at - before) / 1e6);
        calls.push(Number(returned - before) / 1e6);
      }
    }
    await runner.stop();
    return { samples: latencies, calls };
  },
  async quit() {
    await utils.release();
    setImmediate(() => process.exit(0));
    return {};
  },
};

const lines = readline.createInterface({ input: process.stdin });
console.log("ready");
for await (const line of lines) {
  const [name, ...args] = line.trim().split(/\s+/);
  if (!name) continue;
  try {
    const command = commands[name];
    if (!command) throw new Error(`unknown command ${name}`);
    console.log("result " + JSON.stringify(await command(...args.map(Number))));
  } catch (e) {
    console.log("error " + String(e && e.stack ? e.stack : e).replaceAll("\n", " | "));
  }
}
