/** Expected HTTP statuses: codes, ranges and classes, `200`, `200-299`, `200 - 299`, `2xx`, comma-separated. */
import { ExpectationError } from './expectation-error.ts';

export interface StatusSpec {
  /** As written, normalized: "200-399", "200, 204", "2xx". */
  text: string;
  ranges: Array<[low: number, high: number]>;
}

export const STATUS_FORM = 'status codes or ranges such as 200, 200-299, 2xx, comma-separated (100 to 599)';

/** Parses a status spec; the error names the part at fault (the caller adds the expected form). */
export function parseStatusSpec(raw: string | number | readonly (string | number)[]): StatusSpec {
  const joined = Array.isArray(raw) ? raw.map(String).join(',') : String(raw);
  // `200 - 299` is a range, not three items: close the spaces around a dash before splitting.
  const parts = joined
    .replace(/\s*-\s*/g, '-')
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new ExpectationError('no status code was given');
  const ranges: Array<[number, number]> = [];
  for (const part of parts) {
    let range: [number, number] | undefined;
    const single = /^(\d{3})$/.exec(part);
    const span = /^(\d{3})-(\d{3})$/.exec(part);
    const klass = /^([1-5])xx$/i.exec(part);
    if (single) range = [Number(single[1]), Number(single[1])];
    else if (span) range = [Number(span[1]), Number(span[2])];
    else if (klass) range = [Number(klass[1]) * 100, Number(klass[1]) * 100 + 99];
    if (!range || range[0] < 100 || range[1] > 599 || range[0] > range[1])
      throw new ExpectationError(`'${part}' is not a status code or range`);
    ranges.push(range);
  }
  return { text: parts.join(', '), ranges };
}

export function statusMatches(spec: StatusSpec, status: number): boolean {
  return spec.ranges.some(([low, high]) => status >= low && status <= high);
}
