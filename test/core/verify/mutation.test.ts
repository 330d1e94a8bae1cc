/**
 * Mutation tests: change every leaf of signed vectors (and add or remove fields, at every level),
 * and expect the proof not to pass. Zero accepted mutations.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verifyCredential } from '@microcred/core';
import { DIEDDSA, NOW, VCF, VCORE, offlineFetch, vectorJson } from './harness.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every mutant of `doc`: each leaf changed, each object given an extra field, each field removed. */
function* mutants(doc: Json): Generator<[string, Json]> {
  function* walk(
    node: Json,
    path: string,
    replace: (v: Json | undefined) => Json,
  ): Generator<[string, Json]> {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        yield* walk(node[i]!, `${path}[${i}]`, (v) =>
          replace(v === undefined ? node.filter((_, j) => j !== i) : node.map((x, j) => (j === i ? v : x))),
        );
      }
    } else if (node !== null && typeof node === 'object') {
      yield [`${path}+extra`, replace({ ...node, extraField: 'x' })];
      for (const k of Object.keys(node)) {
        yield [
          `${path}.${k}-removed`,
          replace(Object.fromEntries(Object.entries(node).filter(([key]) => key !== k)) as Json),
        ];
        yield* walk(node[k]!, `${path}.${k}`, (v) =>
          replace(
            v === undefined
              ? (Object.fromEntries(Object.entries(node).filter(([key]) => key !== k)) as Json)
              : { ...node, [k]: v },
          ),
        );
      }
    } else {
      const changed: Json =
        typeof node === 'string'
          ? `${node}x`
          : typeof node === 'number'
            ? node + 1
            : typeof node === 'boolean'
              ? !node
              : 'x';
      yield [path, replace(changed)];
    }
  }
  yield* walk(doc, '$', (v) => v ?? null);
}

const VECTORS = [
  `${VCF}/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json`,
  `${VCF}/v1/ed25519/didKey/noRegistry-noStatus-noExpiry.json`,
  `${VCORE}/v2/v2NoStatus.json`,
  `${DIEDDSA}/eddsa-jcs-2022/signedJCS.json`,
];

describe('mutation: every leaf changed, fields added and removed', () => {
  for (const file of VECTORS) {
    it(file.split('/').slice(-2).join('/'), async () => {
      const doc = vectorJson(file) as Json;
      const fetch = offlineFetch();
      const original = await verifyCredential(doc, { now: NOW, fetch });
      assert.equal(original.checks.find((c) => c.id === 'proof')?.outcome, 'passed');
      const accepted: string[] = [];
      let n = 0;
      for (const [path, mutant] of mutants(doc)) {
        n++;
        const r = await verifyCredential(mutant, { now: NOW, fetch });
        if (r.checks.find((c) => c.id === 'proof')?.outcome === 'passed') accepted.push(path);
      }
      assert.ok(n > 20, `${n} mutants`);
      assert.deepEqual(accepted, [], `${accepted.length} of ${n} mutations were accepted`);
    });
  }
});
