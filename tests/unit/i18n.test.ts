import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { t, tn } from '@/lib/i18n';
import en from '@/public/_locales/en/messages.json';

const ROOT = join(import.meta.dirname, '..', '..');
const messages = en as Record<string, { message: string; description?: string }>;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}

describe('t and tn', () => {
  it('fill placeholders and leave unknown ones visible', () => {
    expect(t('popupLibraryCount', { count: 3 })).toBe('3 in library');
    expect(t('claimAria', { accuser: 'Czech Republic', accused: 'China', category: 'Cyberattack' })).toBe(
      'Czech Republic accuses China of Cyberattack',
    );
    expect(t('popupLibraryCount')).toBe('{count} in library');
  });

  it('choose the plural form by count', () => {
    expect(tn('popupEchoes', 1)).toMatch(/^1 echo:/);
    expect(tn('popupEchoes', 2)).toMatch(/^2 echoes:/);
    expect(tn('popupNoCounterclaimBody', 0)).toBe('None of the 0 reports in your library answers this accusation.');
  });
});

describe('the English messages file', () => {
  it('has valid keys and a non-empty message for each, with no "$" (the browser would read it as a placeholder)', () => {
    for (const [key, value] of Object.entries(messages)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(value.message.trim().length, key).toBeGreaterThan(0);
      expect(value.message, key).not.toContain('$');
    }
  });

  it('has an `_other` form for every plural `_one`', () => {
    for (const key of Object.keys(messages)) {
      const m = /^(.*)_one$/.exec(key);
      if (m) expect(Object.keys(messages), key).toContain(`${m[1]}_other`);
    }
  });

  it('has no key that the code never uses', () => {
    const source = [
      ...files(join(ROOT, 'entrypoints'), /\.tsx?$/),
      ...files(join(ROOT, 'components'), /\.tsx?$/),
      ...files(join(ROOT, 'lib'), /\.tsx?$/),
    ]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const manifestKeys = ['extName', 'extDescription', 'actionTitle'];
    const unused = Object.keys(messages).filter((key) => {
      if (manifestKeys.includes(key)) return false;
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      // Keys built from a prefix and a value (`category_${category}`) count as used through their prefix.
      const prefix = key.includes('_') ? `${key.slice(0, key.indexOf('_') + 1)}\${` : null;
      return !source.includes(`'${key}'`) && !source.includes(`'${base}'`) && !(prefix && source.includes(prefix));
    });
    expect(unused).toEqual([]);
  });
});

/** User-visible text written straight into a view instead of through `t`. */
function hardCodedText(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visibleAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}{2,}/u.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && visibleAttributes.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (/\p{L}{2,}/u.test(node.initializer.text)) found.push(`${node.name.getText()}="${node.initializer.text}"`);
    }
    // A string literal of words inside JSX braces: {'Untitled'} or {x ? 'A' : 'B'}.
    if (ts.isJsxExpression(node) && node.expression) {
      const literals: string[] = [];
      const collect = (n: ts.Node) => {
        if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && /\p{L}{2,}\s+\p{L}/u.test(n.text) && !ts.isCallExpression(n.parent))
          literals.push(n.text);
        // Calls (t(...)) are translated; nested JSX is visited on its own.
        if (!ts.isCallExpression(n) && !ts.isJsxElement(n) && !ts.isJsxSelfClosingElement(n) && !ts.isJsxFragment(n)) ts.forEachChild(n, collect);
      };
      collect(node.expression);
      found.push(...literals);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('views write their text through i18n', () => {
  const views = [...files(join(ROOT, 'entrypoints'), /\.tsx$/), ...files(join(ROOT, 'components'), /\.tsx$/)].filter(
    (f) => !f.includes(`${join('entrypoints', 'bench')}`),
  );
  it.each(views.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    expect(hardCodedText(file)).toEqual([]);
  });
});
