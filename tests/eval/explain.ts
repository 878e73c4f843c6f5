// `npm run -s explain -- SLUG...`: shows, for fixture articles, the expected triples and what the extractor found,
// with the quote and reasons of each, to see why a fixture is missed.
import { readArticleFile } from '../../lib/cli/read-file';
import { analyzeArticle } from '../../lib/analyze';
import { expectedOf, expectedTriple, sourcePath, triple } from '../helpers/fixtures';

for (const slug of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
  const expected = expectedOf(slug);
  const { article } = await readArticleFile(sourcePath(slug));
  const analysis = analyzeArticle(article);
  console.log(`\n## ${slug}\n${article.title}`);
  console.log(
    `want: ${expected.accusations.map(expectedTriple).join(', ') || 'nothing'}; primary ${expected.primary ? expectedTriple(expected.primary) : 'none'}`,
  );
  analysis.accusations.forEach((a, i) => {
    console.log(
      `${i === analysis.primary ? '*' : '-'} ${triple(a)}  [${a.accuser.detail || a.accuser.name} -> ${a.accused.detail || a.accused.name}; "${a.charge.text}"]`,
    );
    console.log(`    "${a.quote.slice(0, 200)}"`);
    for (const r of a.reasons) console.log(`    · ${r}`);
  });
  if (process.argv.includes('--text')) console.log(`\n${article.text}`);
}
