/**
 * The secret scan's ignore file (default `.github/deploy-env-ignore`), for false positives:
 *
 *     # a comment
 *     test/fixtures/**          # a path glob (a pattern without a slash matches at any depth)
 *     docs/                     # a folder
 *     fingerprint:3f9a0c1b2d4e5f60   # one found value, by the fingerprint its finding shows
 *     rule:@secretlint/secretlint-rule-basicauth   # a whole rule (its id, or the short name: basicauth)
 *
 * A `#` after white space starts a comment, so a rule can say why it is there. Each rule counts
 * its matches: one that matched nothing (a typo, or a false positive since removed) is named.
 */
import { matchesGlob } from 'node:path';

export interface IgnoreList {
  ignoresPath(path: string): boolean;
  ignoresFinding(rule: string, fingerprint: string | undefined): boolean;
  /** The rules that have matched nothing so far, with their lines. */
  unused(): { line: number; text: string }[];
  size: number;
}

interface Rule {
  line: number;
  text: string;
  used: boolean;
}

export function parseIgnoreFile(text: string): IgnoreList {
  const globs: (Rule & { glob: string })[] = [];
  const fingerprints = new Map<string, Rule>();
  const rules = new Map<string, Rule>();
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const rule: Rule = { line: index + 1, text: line, used: false };
    if (line.startsWith('fingerprint:')) fingerprints.set(line.slice('fingerprint:'.length).trim().toLowerCase(), rule);
    else if (line.startsWith('rule:')) rules.set(line.slice('rule:'.length).trim(), rule);
    else {
      let glob = line.replace(/^\/+/, '');
      if (glob.endsWith('/')) glob = `${glob}**`;
      if (!line.slice(0, -1).includes('/')) glob = `**/${glob}`;
      globs.push({ ...rule, glob });
    }
  }
  const shortName = (rule: string) => rule.replace(/^@secretlint\/secretlint-rule-/, '');
  const use = (rule: Rule | undefined): boolean => {
    if (rule) rule.used = true;
    return rule !== undefined;
  };
  return {
    size: globs.length + fingerprints.size + rules.size,
    ignoresPath: (path) =>
      use(globs.find(({ glob }) => matchesGlob(path, glob) || matchesGlob(path, glob.replace(/^\*\*\//, '')))),
    ignoresFinding: (rule, fingerprint) =>
      use(
        rules.get(rule) ?? rules.get(shortName(rule)) ?? (fingerprint === undefined ? undefined : fingerprints.get(fingerprint)),
      ),
    unused: () =>
      [...globs, ...fingerprints.values(), ...rules.values()]
        .filter((r) => !r.used)
        .sort((a, b) => a.line - b.line)
        .map(({ line, text }) => ({ line, text })),
  };
}

export const EMPTY_IGNORE: IgnoreList = parseIgnoreFile('');
