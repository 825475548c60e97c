/**
 * The secret scan's ignore file (default `.github/deploy-env-ignore`), for false positives:
 *
 *     # a comment
 *     test/fixtures/**          a path glob (a pattern without a slash matches at any depth)
 *     docs/                     a folder
 *     fingerprint:3f9a0c1b2d4e5f60   one found value, by the fingerprint its finding shows
 *     rule:@secretlint/secretlint-rule-basicauth   a whole rule (its id, or the short name: basicauth)
 */
import { matchesGlob } from 'node:path';

export interface IgnoreList {
  ignoresPath(path: string): boolean;
  ignoresFinding(rule: string, fingerprint: string | undefined): boolean;
  size: number;
}

export function parseIgnoreFile(text: string): IgnoreList {
  const globs: string[] = [];
  const fingerprints = new Set<string>();
  const rules = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('fingerprint:')) fingerprints.add(line.slice('fingerprint:'.length).trim().toLowerCase());
    else if (line.startsWith('rule:')) rules.add(line.slice('rule:'.length).trim());
    else {
      let glob = line.replace(/^\/+/, '');
      if (glob.endsWith('/')) glob = `${glob}**`;
      if (!line.slice(0, -1).includes('/')) glob = `**/${glob}`;
      globs.push(glob);
    }
  }
  const shortName = (rule: string) => rule.replace(/^@secretlint\/secretlint-rule-/, '');
  return {
    size: globs.length + fingerprints.size + rules.size,
    ignoresPath: (path) => globs.some((glob) => matchesGlob(path, glob) || matchesGlob(path, glob.replace(/^\*\*\//, ''))),
    ignoresFinding: (rule, fingerprint) =>
      rules.has(rule) || rules.has(shortName(rule)) || (fingerprint !== undefined && fingerprints.has(fingerprint)),
  };
}

export const EMPTY_IGNORE: IgnoreList = parseIgnoreFile('');
