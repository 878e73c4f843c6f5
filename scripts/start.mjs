// `npm start`: builds the extension, serves the built-in demo news site, and launches Chromium with the extension.
// With a display, the browser opens for you to click. Without one (or with --headless), the demo runs by script:
// save the Czech article, open the Chinese one, show the comparison, write screenshots to demo-output/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './lib/chromium.mjs';
import { startDemoServer, SEED_SLUGS } from './lib/demo-server.mjs';
import { launchWithExtension, openPopupFor, analyzeThroughPopup } from './lib/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.includes('--headless') || !hasDisplay;
const port = Number(/--port=(\d+)/.exec(args.join(' '))?.[1] ?? 8787);

function wxt(...wxtArgs) {
  const r = spawnSync(join(root, 'node_modules', '.bin', 'wxt'), wxtArgs, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    console.error(`wxt ${wxtArgs.join(' ')} failed.`);
    process.exit(1);
  }
}

console.log('Building the extension (Chrome and Firefox)...');
wxt('build');
wxt('build', '-b', 'firefox');
// The scripted demo cannot click the toolbar, so it uses the e2e build, which may read pages on 127.0.0.1.
if (headless) wxt('build', '--mode', 'e2e');
console.log('  .output/chrome-mv3   load it unpacked in Chrome (chrome://extensions, Developer mode, Load unpacked)');
console.log('  .output/firefox-mv2  load it in Firefox (about:debugging, This Firefox, Load Temporary Add-on)');

const chrome = ensureChromium();
let site;
try {
  site = await startDemoServer(port);
} catch {
  site = await startDemoServer(0);
}
const [czech, chinese] = SEED_SLUGS.map((s) => `${site.url}/articles/${s}/`);
console.log(`\nDemo news site: ${site.url}/`);

if (!headless) {
  const browser = await launchWithExtension({ extensionDir: join(root, '.output', 'chrome-mv3'), executablePath: chrome, headless: false });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${site.url}/`);
  console.log(
    [
      '',
      'Chromium is open with Counterclaim loaded. Try the seed pair:',
      `  1. Open "${czech}", click the Counterclaim icon (pin it from the puzzle-piece menu) and press Save.`,
      `  2. Open "${chinese}" and click the icon: the Czech article shows as a counterclaim.`,
      '',
      'Close the browser window (or press Ctrl+C) to stop.',
    ].join('\n'),
  );
  const stop = async () => {
    await browser.close();
    await site.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  browser.context.on('close', stop);
} else {
  console.log('No display (or --headless): running the demo by script.\n');
  const out = join(root, 'demo-output');
  mkdirSync(out, { recursive: true });
  const browser = await launchWithExtension({ extensionDir: join(root, '.output', 'chrome-mv3-e2e'), executablePath: chrome, headless: true });
  try {
    const describe = (a) =>
      `${a.accuser.name} (${a.accuser.code}) accuses ${a.accused.name} (${a.accused.code}) of ${a.charge.category}: "${a.charge.text}"`;

    const page1 = await browser.context.newPage();
    await page1.goto(czech);
    await page1.screenshot({ path: join(out, '1-czech-article.png') });
    const popup1 = await openPopupFor(browser, czech);
    const r1 = await analyzeThroughPopup(popup1, browser, czech);
    if (!r1?.ok) throw new Error(`the Czech article could not be analysed: ${r1?.error?.message}`);
    console.log(`1. ${r1.page.article.title}`);
    r1.page.analysis.accusations.forEach((a, i) => console.log(`   ${i === r1.page.analysis.primary ? '*' : '-'} ${describe(a)}`));
    await popup1.getByRole('button', { name: 'Save to library' }).click();
    await popup1.getByText('Saved to your library').waitFor();
    await popup1.screenshot({ path: join(out, '2-czech-popup-saved.png'), fullPage: true });
    console.log('   saved to the library');

    const page2 = await browser.context.newPage();
    await page2.goto(chinese);
    const popup2 = await openPopupFor(browser, chinese);
    const r2 = await analyzeThroughPopup(popup2, browser, chinese);
    if (!r2?.ok) throw new Error(`the Chinese article could not be analysed: ${r2?.error?.message}`);
    console.log(`\n2. ${r2.page.article.title}`);
    r2.page.analysis.accusations.forEach((a, i) => console.log(`   ${i === r2.page.analysis.primary ? '*' : '-'} ${describe(a)}`));
    console.log('\n   Counterclaims from the library:');
    if (!r2.counterclaims.length) console.log('   (none)');
    for (const c of r2.counterclaims) {
      console.log(
        `   ${c.relation.toUpperCase()} (${Math.round(c.score * 100)}%): ${c.accusation.accuser.name} accuses ${c.accusation.accused.name} of ${c.accusation.category}`,
      );
      console.log(`     from "${c.report.title}" (${c.report.publishedAt ?? 'undated'})`);
      console.log(`     why: ${c.reasons.join('; ')}`);
    }
    await popup2.locator('.counterclaim').first().waitFor();
    await popup2.screenshot({ path: join(out, '3-chinese-popup-counterclaim.png'), fullPage: true });
    console.log(`\nScreenshots written to ${out}/`);
  } catch (e) {
    console.error(`The demo failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
    await site.close();
  }
}
