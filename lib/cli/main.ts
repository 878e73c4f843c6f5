import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeArticle } from '../analyze';
import { rankCounterclaims, toStoredAccusation, type StoredAccusation } from '../match/rank-counterclaims';
import type { Accusation, Analysis, ArticleContent } from '../types';
import { CATEGORY_LABELS } from '../charges/taxonomy';
import { readArticleFile, UserError } from './read-file';
import { validateLibraryFile, type LibraryFile } from '../library/file-format';

const USAGE = `counterclaim: who accused whom of what, and the mirror-image accusation

Usage:
  counterclaim analyze FILE... [--json]
      Read .html (through Readability) or .txt files (first line is the title) and print their accusations.
  counterclaim match FILE --library PATH... [--json]
      Match FILE's main accusation against a library: files, or folders of .html/.txt files.
  counterclaim gdelt FILE... [--out library.json] [--include-criticism] [--keep-good-rows] [--json]
      Convert GDELT event exports (.CSV or .zip) into a library file of accusations between states (CAMEO 112).
  counterclaim --help | --version
`;

interface Analysed {
  file: string;
  article: ArticleContent;
  analysis: Analysis;
  timings: { readabilityMs: number; analysisMs: number };
}

async function analyseFile(file: string): Promise<Analysed> {
  const { article, readabilityMs, note } = await readArticleFile(file);
  const t0 = performance.now();
  const analysis = analyzeArticle(article);
  if (note) analysis.notes.unshift(note);
  const analysisMs = performance.now() - t0;
  return { file, article, analysis, timings: { readabilityMs: round(readabilityMs), analysisMs: round(analysisMs) } };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 3)}...` : s);

/** The contract's shape of an accusation: roles, charge, quote, confidence, plus facets and reasons. */
function accusationJson(a: Accusation) {
  return { accuser: a.accuser, accused: a.accused, charge: a.charge, quote: a.quote, confidence: a.confidence, facets: a.facets, reasons: a.reasons };
}

function describe(a: Accusation): string {
  return `${a.accuser.name} (${a.accuser.code}) accuses ${a.accused.name} (${a.accused.code}) of ${CATEGORY_LABELS[a.charge.category].toLowerCase()}${a.charge.text ? `: "${a.charge.text}"` : ''}`;
}

/** An exported library file (`.json`) or an article file (`.html`, `.txt`) to match against. */
interface LibrarySource {
  path: string;
  kind: 'library' | 'article';
}

/** The --library paths as sources: a .json file is a library file; a folder gives its .html and .txt files. */
async function listLibrary(paths: string[], errors: string[]): Promise<LibrarySource[]> {
  const sources: LibrarySource[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      errors.push(`${p}: no such file or folder`);
      continue;
    }
    if (info.isDirectory()) {
      let listed: string[];
      try {
        listed = await readdir(p);
      } catch (e) {
        errors.push(`${p}: the folder cannot be listed (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
        continue;
      }
      const names = listed.filter((n) => /\.(html?|txt)$/i.test(n)).sort();
      if (!names.length) errors.push(`${p}: the folder holds no .html or .txt files`);
      sources.push(...names.map((n) => ({ path: join(p, n), kind: 'article' as const })));
    } else sources.push({ path: p, kind: /\.json$/i.test(p) ? 'library' : 'article' });
  }
  return sources;
}

/** Reads and validates an exported library file; a bad one is a UserError naming the file and the first bad record. */
async function readLibraryFile(path: string): Promise<LibraryFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new UserError(`${path}: not a readable JSON file (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
  const checked = validateLibraryFile(json);
  if (!checked.ok) throw new UserError(`${path}: ${checked.error.replace(/\s*\n\s*/g, ' ')}`);
  return checked.file;
}

/** Runs the CLI; returns the exit code. Never throws to the user: errors are one line on stderr. */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out.write(USAGE);
    return command ? 0 : 1;
  }
  if (command === '--version') {
    out.write('counterclaim 0.1.0\n');
    return 0;
  }
  const errors: string[] = [];
  try {
    if (command === 'analyze') {
      if (!rest.length) throw new UserError('analyze needs at least one FILE');
      const results = [];
      for (const file of rest) {
        try {
          const r = await analyseFile(file);
          results.push(r);
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          errors.push(e.message);
        }
      }
      if (json) {
        out.write(
          `${JSON.stringify(
            results.map((r) => ({
              file: r.file,
              title: r.article.title,
              publishedAt: r.article.publishedAt,
              language: r.analysis.language,
              accusations: r.analysis.accusations.map(accusationJson),
              primary: r.analysis.primary,
              notes: r.analysis.notes,
              timings: r.timings,
            })),
            null,
            2,
          )}\n`,
        );
      } else {
        for (const r of results) {
          out.write(`${r.file}\n  ${r.article.title || '(untitled)'}${r.article.publishedAt ? ` (${r.article.publishedAt})` : ''}\n`);
          if (!r.analysis.accusations.length) out.write(`  no accusation found${r.analysis.notes.length ? `: ${r.analysis.notes.join(' ')}` : ''}\n`);
          r.analysis.accusations.forEach((a, i) => {
            out.write(
              `  ${i === r.analysis.primary ? '*' : '-'} ${describe(a)} [${Math.round(a.confidence * 100)}%]\n      "${a.quote.length > 160 ? `${a.quote.slice(0, 157)}...` : a.quote}"\n`,
            );
            // The facets are read from the whole article: shown once, under the main accusation (as in the popup).
            for (const kind of ['targets', 'evidence', 'response', 'denial'] as const)
              if (i === r.analysis.primary && a.facets[kind].length)
                out.write(`      ${kind}: ${a.facets[kind].map((f) => clip(f, 120)).join(' | ')}\n`);
            out.write(`      why: ${a.reasons.map((w) => clip(w, 140)).join('; ')}\n`);
          });
          out.write(`  readability ${r.timings.readabilityMs} ms, analysis ${r.timings.analysisMs} ms\n\n`);
        }
      }
    } else if (command === 'match') {
      const libIndex = rest.indexOf('--library');
      const file = rest[0];
      const libPaths = libIndex >= 0 ? rest.slice(libIndex + 1) : [];
      if (!file || file === '--library' || !libPaths.length) throw new UserError('usage: counterclaim match FILE --library PATH...');
      const current = await analyseFile(file);
      const stored: StoredAccusation[] = [];
      const titles = new Map<string, string>();
      for (const source of await listLibrary(libPaths, errors)) {
        try {
          if (source.kind === 'library') {
            // Each report of an exported library, named FILE#id in the output.
            for (const report of (await readLibraryFile(source.path)).reports) {
              const reportId = `${source.path}#${report.id}`;
              titles.set(reportId, report.title);
              report.accusations.forEach((a, index) => stored.push(toStoredAccusation(reportId, a, index, report.publishedAt)));
            }
            continue;
          }
          const libFile = source.path;
          const r = await analyseFile(libFile);
          titles.set(libFile, r.article.title);
          r.analysis.accusations.forEach((a, index) => stored.push(toStoredAccusation(libFile, a, index, r.article.publishedAt)));
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          errors.push(e.message);
        }
      }
      const primary = current.analysis.primary === null ? null : current.analysis.accusations[current.analysis.primary]!;
      const matches = primary
        ? rankCounterclaims(
            [primary],
            current.article.publishedAt,
            stored.filter((s) => s.reportId !== file),
          )
        : [];
      const rows = matches.map((m) => ({
        file: m.stored.reportId,
        title: titles.get(m.stored.reportId) ?? '',
        relation: m.relation,
        score: m.score,
        accusation: {
          accuser: m.stored.accuser,
          accused: m.stored.accused,
          charge: { category: m.stored.category, text: m.stored.chargeText },
          quote: m.stored.quote,
        },
        reasons: m.reasons,
      }));
      if (json) out.write(`${JSON.stringify({ file, primary: primary ? accusationJson(primary) : null, matches: rows }, null, 2)}\n`);
      else {
        out.write(`${file}\n  ${primary ? describe(primary) : 'no accusation found, nothing to match'}\n`);
        if (primary && !rows.length) out.write('  no counterclaim in the library\n');
        for (const r of rows)
          out.write(`  ${r.relation.padEnd(9)} ${r.score.toFixed(2)}  ${r.title || r.file}\n            ${r.reasons.join('; ')}\n`);
      }
    } else if (command === 'gdelt') {
      const { runGdeltCli, GdeltCliError } = await import('../gdelt/node');
      try {
        await runGdeltCli(rest, json, out);
      } catch (e) {
        throw e instanceof GdeltCliError ? new UserError(e.message) : e;
      }
    } else {
      throw new UserError(`unknown command "${command}" (try --help)`);
    }
  } catch (e) {
    if (e instanceof UserError) errors.push(e.message);
    else errors.push(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const e of errors) err.write(`counterclaim: ${e}\n`);
  return errors.length ? 1 : 0;
}
