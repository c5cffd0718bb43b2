// The graphql-http audit suite against a running govgraph server. Every MUST audit must
// pass; SHOULD and MAY results are printed for the record. Usage: node audit.mjs URL
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}
const results = await auditServer({ url });
let failedMust = 0;
for (const result of results) {
  const level = result.name.split(' ')[0];
  const line = `${result.status.padEnd(6)} ${result.name}`;
  console.log(result.status === 'ok' ? line : `${line}\n         ${result.reason}`);
  if (level === 'MUST' && result.status !== 'ok') failedMust += 1;
}
const must = results.filter((r) => r.name.startsWith('MUST')).length;
console.log(`graphql-http audit: ${results.length} audits, ${must} MUST, ${failedMust} MUST failed`);
process.exit(failedMust === 0 ? 0 : 1);
