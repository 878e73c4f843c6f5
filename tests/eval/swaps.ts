// Lists role swaps on the held-out starter summaries with the rule that produced them (a debugging aid).
import { readFileSync } from 'node:fs';
import { analyzeArticle } from '../../lib/analyze';
const starter = JSON.parse(readFileSync('lib/library/starter/starter-library.json', 'utf8'));
for (const r of starter.reports) {
  const w = r.accusations[r.primary ?? 0];
  const a = analyzeArticle({ title: r.title, text: r.text });
  for (const x of a.accusations)
    if (x.accuser.code === w.accused.code && x.accused.code === w.accuser.code)
      console.log(r.id, `${x.accuser.code}>${x.accused.code}`, '|', x.reasons[0], '|', x.quote.slice(0, 140));
}
