import { describe, expect, it } from 'vitest';
import { JsonPathError, parseJsonPath, parseJsonPathPrefix, queryJsonPath } from '../../../packages/core/src/jsonpath.ts';

const doc = {
  status: 'healthy',
  services: { database: 'healthy', redis: 'degraded' },
  checks: [
    { name: 'db', ok: true },
    { name: 'cache', ok: false },
  ],
  'odd key': { 'x-version': 'v2' },
};

const values = (path: string) => queryJsonPath(parseJsonPath(path), doc).map((m) => m.value);
const paths = (path: string) => queryJsonPath(parseJsonPath(path), doc).map((m) => m.path);

describe('JSONPath', () => {
  it('selects members by dot and bracket names', () => {
    expect(values('$.status')).toEqual(['healthy']);
    expect(values("$['odd key']['x-version']")).toEqual(['v2']);
    expect(values('$["odd key"].x-version')).toEqual(['v2']);
  });

  it('selects every child with a wildcard and names each match by its normalized path', () => {
    expect(paths('$.services.*')).toEqual(['$.services.database', '$.services.redis']);
    expect(paths('$.checks[*].name')).toEqual(['$.checks[0].name', '$.checks[1].name']);
    expect(paths("$['odd key'].*")).toEqual(['$["odd key"]["x-version"]']);
  });

  it('selects array elements by index, negative from the end', () => {
    expect(values('$.checks[0].name')).toEqual(['db']);
    expect(values('$.checks[-1].name')).toEqual(['cache']);
    expect(values('$.checks[5]')).toEqual([]);
  });

  it('finds descendants with ..', () => {
    expect(values('$..ok')).toEqual([true, false]);
    expect(values('$..name')).toEqual(['db', 'cache']);
  });

  it('selects nothing for a missing member, and the root for $', () => {
    expect(values('$.nope.deeper')).toEqual([]);
    expect(values('$')).toEqual([doc]);
  });

  it('parses a path at the start of an assertion and says where it ended', () => {
    expect(parseJsonPathPrefix('$.services.* == healthy').end).toBe(12);
  });

  it('rejects what it does not support with a reason', () => {
    expect(() => parseJsonPath('services')).toThrow(JsonPathError);
    expect(() => parseJsonPath('$.a[?(@.x)]')).toThrow(/not supported/);
    expect(() => parseJsonPath("$['a")).toThrow(/unterminated/);
    expect(() => parseJsonPath('$.')).toThrow(/expected a name/);
  });
});
