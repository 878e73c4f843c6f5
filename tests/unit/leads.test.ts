import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHARGE_CATEGORIES } from '../../lib/types';
import { FIXTURES } from '../helpers/fixtures';

// The labelled leads the scorer is trained on: every line well formed, as the fixtures' expected.json are.
const DIR = join(FIXTURES, 'leads');
const BODIES = new Set(['EU', 'NATO', 'UN', 'G7', 'ASEAN', 'AU', 'OSCE']);
const CONSTRUCTIONS = new Set([
  'denial-first',
  'reported-speech',
  'report-says',
  'diplomatic-action',
  'legal-action',
  'condemn',
  'event-word',
  'two-sided',
  'accuse-verb',
  'negative',
]);
const isActor = (c: unknown) => typeof c === 'string' && (/^[A-Z]{3}$/.test(c) || BODIES.has(c));
const lines = readdirSync(DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(join(DIR, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l, i) => [`${f}:${i + 1}`, l] as const),
  );

describe('labelled leads', () => {
  it('there are at least 60', () => expect(lines.length).toBeGreaterThanOrEqual(60));
  it('ids are unique', () => {
    const ids = lines.map(([, l]) => (JSON.parse(l) as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it.each(lines)('%s is well formed', (_where, line) => {
    const r = JSON.parse(line) as Record<string, unknown>;
    expect(typeof r.title).toBe('string');
    expect((r.text as string).split('\n\n').length).toBeGreaterThanOrEqual(2);
    expect(CONSTRUCTIONS.has(r.construction as string)).toBe(true);
    const accusations = r.accusations as { accuser: string; accused: string; charge: string }[];
    for (const a of accusations) {
      expect(isActor(a.accuser) && isActor(a.accused), JSON.stringify(a)).toBe(true);
      expect(a.accuser).not.toBe(a.accused);
      expect((CHARGE_CATEGORIES as readonly string[]).includes(a.charge), a.charge).toBe(true);
    }
    const p = r.primary as { accuser: string; accused: string; charge: string } | null;
    if (p === null) expect(accusations).toEqual([]);
    else expect(accusations.some((a) => a.accuser === p.accuser && a.accused === p.accused && a.charge === p.charge)).toBe(true);
  });
});
