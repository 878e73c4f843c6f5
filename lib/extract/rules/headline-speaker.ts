import { headlineSpeaker } from '../syntax';
import { TARGET_PREP } from '../vocabulary';
import type { SentenceRun } from './run';

/**
 * A headline that names its speaker at the end ("...: Foreign Ministry", "..., says Kyiv"): the speaker accuses the
 * actor that stands before a charge in what it says (not one after a preposition of place or target).
 */
export function headlineSpeakerRule(run: SentenceRun): void {
  const r = run.r;
  const speaker = headlineSpeaker(r);
  if (!speaker) return;
  for (const m of r.mentions) {
    if (m.from >= speaker.from || m.code === speaker.code) continue;
    const prev = r.tokens[m.from - 1]?.lower;
    if (prev && TARGET_PREP.has(prev)) continue;
    const charge = r.charges.find((c) => c.from >= m.to && c.from <= m.to + 8 && c.to <= speaker.from);
    if (charge) {
      run.add(speaker, m, charge, 'a headline naming its speaker', 0.75, r.source.slice(m.start, speaker.end));
      return;
    }
  }
}
