// A DBOS Transact worker for the gameday replay drill (examples/gamedays/dbos-replay.yaml).
//   node worker.js start WORKFLOW_ID   starts the three-step workflow and waits for it
//   node worker.js recover             launches DBOS, which recovers pending workflows of this executor/version
//   node worker.js status WORKFLOW_ID  prints the workflow's status and output as JSON, read through DBOSClient
//                                      (DBOS's public API: where the engine keeps them is its own business)
// Env: DRILL_DB_URL (ledger database), DRILL_SYS_DB_URL (DBOS system database), STEP_MS (each step's duration).
// Every step appends a row to public.step_runs when it starts (how often it ran) and writes its side effect to
// public.side_effects idempotently (UNIQUE (workflow_id, step) + ON CONFLICT DO NOTHING).
'use strict';
const { DBOS, DBOSClient } = require('@dbos-inc/dbos-sdk');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DRILL_DB_URL });
const stepMs = Number(process.env.STEP_MS || 1500);

async function ensureLedger() {
  await pool.query(`CREATE TABLE IF NOT EXISTS public.step_runs (
    id serial PRIMARY KEY, workflow_id text NOT NULL, step text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
  await pool.query(`CREATE TABLE IF NOT EXISTS public.side_effects (
    workflow_id text NOT NULL, step text NOT NULL, at timestamptz NOT NULL DEFAULT now(), UNIQUE (workflow_id, step))`);
}

function step(name) {
  return async () => {
    const id = DBOS.workflowID;
    await pool.query('INSERT INTO public.step_runs (workflow_id, step) VALUES ($1, $2)', [id, name]);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
    await pool.query('INSERT INTO public.side_effects (workflow_id, step) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [id, name]);
    return name;
  };
}

async function drill() {
  const done = [];
  for (const name of ['reserve', 'charge', 'ship']) done.push(await DBOS.runStep(step(name), { name }));
  return done.join(',');
}

// Registered before launch, with a pinned application version: recovery only adopts workflows of the same
// executor id and version.
const drillWorkflow = DBOS.registerWorkflow(drill, { name: 'drill' });

// {"status": "SUCCESS", "output": "reserve,charge,ship"}, or {"status": null} for a workflow DBOS does not know.
async function printStatus(id) {
  const client = await DBOSClient.create({ systemDatabaseUrl: process.env.DRILL_SYS_DB_URL });
  try {
    const wf = await client.getWorkflow(id);
    console.log(JSON.stringify(wf ? { status: wf.status, output: wf.output ?? null } : { status: null }));
  } finally {
    await client.destroy();
  }
}

async function main() {
  const [mode, id] = process.argv.slice(2);
  if (mode === 'status') {
    await printStatus(id);
    await pool.end();
    return;
  }
  await ensureLedger();
  DBOS.setConfig({
    name: 'gameday-drill',
    systemDatabaseUrl: process.env.DRILL_SYS_DB_URL,
    applicationVersion: 'gameday-drill-v1',
    logLevel: 'warn',
  });
  await DBOS.launch();
  if (mode === 'start') {
    const handle = await DBOS.startWorkflow(drillWorkflow, { workflowID: id })();
    console.log(`workflow ${id}: ${await handle.getResult()}`);
  } else {
    console.log('worker up; recovering pending workflows');
  }
  setInterval(() => {}, 1 << 30);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
