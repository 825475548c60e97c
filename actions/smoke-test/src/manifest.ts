import type { InputProblem } from '@deploy-suite/core/errors';
import { headersInput } from '@deploy-suite/core/expect-inputs';
import * as t from '@deploy-suite/core/input-types';
import { optional, withDefault } from '@deploy-suite/core/inputs';
import { defineAction } from '@deploy-suite/core/manifest';

export const manifest = defineAction({
  name: 'smoke-test',
  title: 'Deploy Suite: smoke test',
  description:
    'Runs a list of HTTP checks (YAML, inline or a file) against a release, concurrently, with assertions on status, headers, body, JSON and latency, values captured from one answer for the next, retries, a JUnit report and a summary table.',
  branding: { icon: 'check-circle', color: 'green' },
  inputs: {
    'base-url': optional(
      t.url(),
      'The release URL that relative check URLs are joined to, e.g. the `url` output of the deploy step. Its path is kept: `https://h/api/v1` with `url: /health` requests `https://h/api/v1/health`. Credentials in it are sent as Basic auth and masked.',
    ),
    checks: optional(
      t.text('a YAML list of checks'),
      'The checks, as a YAML list (see the catalog for the fields). Give this or `checks-file`.',
    ),
    'checks-file': optional(
      t.text('a path to a YAML file, relative to the workspace'),
      'A YAML file holding the checks (a list, or `checks:` with a list). Give this or `checks`.',
    ),
    concurrency: withDefault(
      t.integer({ min: 1, max: 64 }),
      '8',
      'How many checks run at once; a check that uses a capture waits for the check that makes it.',
    ),
    retries: withDefault(
      t.integer({ min: 0, max: 10 }),
      '1',
      "How many times a failing check is tried again (a check's own `retries` wins).",
    ),
    timeout: withDefault(t.duration({ min: 100, max: 3_600_000 }), '5m', 'How long the whole run may take.'),
    'request-timeout': withDefault(
      t.duration({ min: 50, max: 600_000 }),
      '10s',
      "How long one request may take (a check's own `timeout` wins).",
    ),
    'max-latency': optional(
      t.duration({ min: 1, max: 600_000 }),
      "A latency limit for every check (a check's own `expect.max-latency` wins).",
    ),
    'max-body': withDefault(
      t.bytes({ min: 1024, max: 1024 ** 3 }),
      '1MiB',
      'The most of an answer read; a longer body fails that check ("body larger than …") without being read.',
    ),
    'fail-fast': withDefault(
      t.boolean(),
      'false',
      'Stop starting checks after the first failure; the rest are reported as skipped.',
    ),
    report: optional(
      t.text('a file path'),
      'Where to write the JUnit XML report, relative to the workspace (default: a file under RUNNER_TEMP). For test-report tools and upload-artifact.',
    ),
    headers: optional(
      headersInput(),
      "Headers sent with every check, `Name: value` one a line (a check's own `headers` win). Values are masked like secrets.",
      { secret: true },
    ),
  },
  outputs: {
    passed: { description: 'How many checks passed.' },
    failed: { description: 'How many checks failed (skipped checks are not counted).' },
    'report-file': { description: 'The path of the JUnit XML report.' },
  },
  check: (inputs) => {
    const problems: InputProblem[] = [];
    if ((inputs.checks === undefined) === (inputs.checksFile === undefined))
      problems.push({
        input: 'checks',
        shown: inputs.checks === undefined ? 'and checks-file are both empty' : 'and checks-file are both given',
        expected: 'expected exactly one of them',
      });
    return problems;
  },
  example: `- name: Smoke test the release
  uses: OWNER/REPO/actions/smoke-test@v1
  with:
    base-url: \${{ steps.api.outputs.url }}
    report: smoke-junit.xml
    checks: |
      - name: API health
        url: /health
        expect: { status: 200, json: ["$.status == ok"], max-latency: 200ms }
      - name: Frontend
        url: \${{ steps.web.outputs.url }}/
        expect: { status: 200, body: "<title>", max-latency: 200ms }
      - name: Create an item
        url: /api/v1/items
        method: POST
        json: { name: smoke }
        expect: { status: 201 }
        capture: { item: $.id }
      - name: Read it back
        url: /api/v1/items/{{ item }}
        expect: { json: ["$.name == smoke"] }`,
  notes: `A check:

| field | meaning |
|---|---|
| \`name\` | required, unique; names the check in the log, summary and JUnit report |
| \`url\` | absolute, or a path joined to \`base-url\`'s path: \`/health\` under \`https://h/api/v1\` is \`https://h/api/v1/health\` |
| \`method\` | GET (default), HEAD, POST, PUT, PATCH, DELETE, OPTIONS |
| \`headers\` | a map of headers, added to the \`headers\` input |
| \`body\` / \`json\` | a text body, or a value sent as JSON (one or the other) |
| \`expect.status\` | a code, a range or a list: \`200\`, \`200-299\`, \`2xx\`, \`[200, 204]\` (default 200-399) |
| \`expect.headers\` | a map of header name → substring or \`/regex/\` |
| \`expect.body\` | a substring or \`/regex/\`, or a list of them |
| \`expect.json\` | JSON assertions, one a line or a list: \`$.status == ok\`, \`$.services.* == healthy\`, \`$.id exists\` |
| \`expect.max-latency\` | a duration: \`200ms\`, \`1s\` |
| \`retries\`, \`timeout\` | this check's retries and request timeout |
| \`retry-unsafe\` | \`true\` to retry a POST or PATCH too (default false: a failed POST may still have created something) |
| \`follow-redirects\` | \`false\` to take a 3xx as the answer, so \`expect.status: 301\` and \`expect.headers: { location: … }\` can be checked (default true; each hop is logged, credential headers are not sent to another origin) |
| \`capture\` | a map of name → \`$.json.path\`, \`header:Name\` or a \`/regex/\` with one group |

A captured value is used as \`{{ name }}\` in a later check's \`url\`, \`headers\` or \`body\`/\`json\`;
that check waits for the one that captures it, and is skipped if it failed. Checks without
such a link run concurrently, up to \`concurrency\` at a time.

Retries: only GET, HEAD, OPTIONS, PUT and DELETE are retried by default; a POST or PATCH is
retried after a 429 or a refused connection (it was not processed), otherwise only with
\`retry-unsafe: true\`. A request that cannot be sent (a header value that is not Latin-1, a
captured value with a line break) fails its check by name; the others still run and the report
is written.

A check file may be a list, or a map with a \`checks\` list. Every problem in it (an unknown key,
a bad regular expression, a bad URL) is reported at once, with its line, the check's name and
the field.`,
});

export type SmokeTestInputs = import('@deploy-suite/core/inputs').ParsedInputs<(typeof manifest)['inputs']>;
