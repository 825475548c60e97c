import {
  headersInput,
  jsonAssertionsInput,
  jsonPathInput,
  statusInput,
  textMatcherInput,
} from '@deploy-suite/core/expect-inputs';
import * as t from '@deploy-suite/core/input-types';
import { optional, required, withDefault } from '@deploy-suite/core/inputs';
import { defineAction } from '@deploy-suite/core/manifest';

export const manifest = defineAction({
  name: 'health-gate',
  title: 'Deploy Suite: health gate',
  description:
    'Waits until a new release is live and healthy (status, JSON health document, body, served version, latency), or fails the pipeline with the last reason.',
  branding: { icon: 'activity', color: 'green' },
  inputs: {
    url: required(
      t.urls(),
      'URL(s) to poll, one a line (never comma-separated: a URL may hold commas): all must pass. Typically the `url` output of the deploy step, followed by /health. Credentials in a URL (`https://user:pass@host/health`) are sent as Basic auth and masked.',
    ),
    'expect-status': withDefault(statusInput(), '200-399', 'Status codes that pass (as Kubernetes HTTP probes: 200-399).'),
    'expect-json': optional(
      jsonAssertionsInput(),
      'Assertions on the JSON body, one a line. A wildcard must hold for every node: `$.services.* == healthy` checks each service.',
    ),
    'expect-body': optional(textMatcherInput(), 'Text the body must contain, or a `/regex/` it must match.'),
    'expect-version': optional(
      t.text(),
      'The version the release must serve, e.g. the commit SHA (`github.sha`): an old release still answering 200 does not pass. Read from the JSON body at `version-path`, or from a plain-text body.',
    ),
    'version-path': withDefault(jsonPathInput(), '$.version', 'Where the served version is in the JSON body.'),
    'max-latency': optional(t.duration({ min: 1, max: 600_000 }), 'An answer slower than this does not pass.'),
    headers: optional(
      headersInput(),
      "Request headers, `Name: value` one a line, e.g. Vercel's `x-vercel-protection-bypass`. Values are masked like secrets.",
      { secret: true },
    ),
    'follow-redirects': withDefault(
      t.boolean(),
      'true',
      'Follow redirects (as Kubernetes probes do); each hop is logged, and credential headers are not sent to another origin. With false, the 3xx itself is the answer: `expect-status: 301` can pass.',
    ),
    'max-body': withDefault(
      t.bytes({ min: 1024, max: 1024 ** 3 }),
      '1MiB',
      'The most of an answer read; a longer body fails that poll ("body larger than …") without being read.',
    ),
    timeout: withDefault(t.duration({ min: 100, max: 6 * 3_600_000 }), '5m', 'How long to wait for the release to pass.'),
    interval: withDefault(
      t.duration({ min: 50, max: 600_000 }),
      '5s',
      'The longest pause between two polls. The first polls come quicker (a release that is up in 3 s is seen in about 3 s) and slow down to this.',
    ),
    'initial-delay': withDefault(t.duration({ max: 3_600_000 }), '0', 'A pause before the first poll.'),
    'request-timeout': withDefault(t.duration({ min: 50, max: 600_000 }), '10s', 'How long one request may take.'),
    'success-threshold': withDefault(
      t.integer({ min: 1, max: 100 }),
      '1',
      'Consecutive passing polls needed: raise it for an app that flaps, so one lucky answer does not pass.',
    ),
    'failure-threshold': withDefault(
      t.integer({ min: 0, max: 1000 }),
      '0',
      'Consecutive hard failures (the app answered, and wrongly) that end the wait early; 0 waits for the timeout.',
    ),
  },
  outputs: {
    healthy: { description: "'true' when every URL passed, else 'false'." },
    attempts: { description: 'How many polls were made.' },
    elapsed: { description: 'Milliseconds from the start of the wait to the verdict.' },
    'status-code': { description: 'The HTTP status of the last answer (empty when nothing answered).' },
    'latency-p50': { description: 'Median latency of the answers, in milliseconds.' },
    'latency-p95': { description: '95th-percentile latency of the answers, in milliseconds.' },
    failure: { description: 'Why the last failing poll failed (empty when healthy).' },
  },
  example: `- name: Wait for the new release
  uses: OWNER/REPO/actions/health-gate@v1
  with:
    url: \${{ steps.api.outputs.url }}/api/health/detailed/
    expect-json: |
      $.status == healthy
      $.services.* == healthy
    expect-version: \${{ github.sha }}
    success-threshold: 3
    timeout: 5m
    headers: |
      x-vercel-protection-bypass: \${{ secrets.VERCEL_BYPASS }}`,
  notes: `Each poll requests every URL once (no retries inside a poll: the poll loop is the retry). A
poll passes when every URL answers with an expected status and every assertion holds; the gate
passes after \`success-threshold\` passing polls in a row.

Polls come every 0.25 s at first and then each pause is about 8% of the time waited so far, up
to \`interval\`: a release that is up after 3 s is seen within about half a second, one that
takes minutes is polled every \`interval\`.

**Hard failures** (counted by \`failure-threshold\`): the app answered and the answer is wrong: a
status outside \`expect-status\` other than 502, 503 and 504, or a failed body or JSON assertion.
Refused connections, timeouts, 502-504 answers, the old version still serving and slow answers
are the release still coming up, and only the timeout ends them.

Redirects are followed, up to 10 hops, and each one is in the attempt's log line; a hop to
another origin does not carry the credential headers (\`Authorization\`, cookies, API keys,
bypass tokens). With \`follow-redirects: false\` the 3xx is the answer, so a redirect can be
the expected one (\`expect-status: 301\`).

When the wait times out, the error and the \`failure\` output give the last real answer (\`body
does not contain READY\`), not only that the last poll timed out.

JSON assertions: \`$.status == ok\`, \`$.services.* == healthy\`, \`$.version != 1.2.3\`,
\`$.build =~ /^v2\\./\`, \`$.metrics.error_rate < 0.05\`, \`$.checks[0].name exists\`. Values are
JSON (\`200\`, \`true\`, \`"a b"\`) or bare text; \`$.code == 200\` also holds for \`"200"\`; integers beyond 2^53 compare exactly.`,
});

export type HealthGateInputs = import('@deploy-suite/core/inputs').ParsedInputs<(typeof manifest)['inputs']>;
