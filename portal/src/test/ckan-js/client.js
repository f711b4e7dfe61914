// Drives a running OpenPlaza portal with ckan.js (okfn/ckan.js 0.2.3 from npm, unmodified), as a
// city's own script would, and prints what each call answered as one JSON object.
// Usage: node client.js <portal address> <API token> <resource id>
'use strict';
const CKAN = require('ckan');

const [endpoint, token, resource] = process.argv.slice(2);
const anonymous = new CKAN.Client(endpoint);
const publisher = new CKAN.Client(endpoint, token);

// ckan.js calls back with (error, body); a refusal's error is a string holding the body
const call = (client, name, data) =>
  new Promise((resolve) => client.action(name, data, (err, body) => resolve({ error: err ? String(err) : null, body })));
const query = (q) =>
  new Promise((resolve) => anonymous.datastoreQuery(q, (err, out) => resolve({ error: err ? String(err) : null, out })));
const sql = (text) =>
  new Promise((resolve) => anonymous.datastoreSqlQuery(text, (err, out) => resolve({ error: err ? String(err) : null, out })));

(async () => {
  const got = {};
  got.search = await call(anonymous, 'package_search', { q: 'rainfall', rows: 5 });
  got.query = await query({
    resource_id: resource,
    size: 3,
    sort: [{ field: 'confirmed', order: 'desc' }],
    filters: [{ type: 'term', field: 'province', term: 'Seoul' }],
  });
  got.sql = await sql('SELECT province, max(confirmed) AS most FROM "' + resource + '" GROUP BY province ORDER BY most DESC LIMIT 2');
  got.sqlRefused = await call(anonymous, 'datastore_search_sql', { sql: "SELECT * FROM read_csv('/etc/passwd')" });
  got.created = await call(publisher, 'package_create', {
    title: 'Created by ckan.js',
    notes: 'A dataset made by an unmodified CKAN client.',
    owner_org: 'meteorological-service-singapore',
    tags: [{ name: 'ckan-js' }],
  });
  const id = got.created.body && got.created.body.result ? got.created.body.result.id : null;
  got.patched = await call(publisher, 'dataset_patch', { id: id, notes: 'Patched by ckan.js.' });
  got.activity = await call(publisher, 'package_activity_list', { id: id });
  got.pushed = await call(publisher, 'datastore_create', {
    resource: { package_id: id, name: 'gate counts' },
    fields: [{ id: 'gate', type: 'text' }, { id: 'visitors', type: 'int' }],
    primary_key: ['gate'],
    records: [{ gate: 'North', visitors: 10 }, { gate: 'South', visitors: 4 }],
  });
  const live = got.pushed.body && got.pushed.body.result ? got.pushed.body.result.resource_id : null;
  got.upserted = await call(publisher, 'datastore_upsert', {
    resource_id: live,
    records: [{ gate: 'North', visitors: 12 }, { gate: 'East', visitors: 1 }],
  });
  got.badBatch = await call(publisher, 'datastore_upsert', {
    resource_id: live,
    records: [{ gate: 'West', visitors: 3 }, { gate: 'North', visitors: 'many' }],
  });
  got.recordsDeleted = await call(publisher, 'datastore_delete', { resource_id: live, filters: { gate: 'South' } });
  got.shown = await call(publisher, 'package_show', { id: id });
  got.resourceDeleted = await call(publisher, 'resource_delete', { id: live });
  got.anonymousCreate = await call(anonymous, 'package_create', { title: 'No token', notes: 'x', owner_org: 'meteorological-service-singapore' });
  got.unknown = await call(anonymous, 'no_such_action', {});
  process.stdout.write(JSON.stringify(got));
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
