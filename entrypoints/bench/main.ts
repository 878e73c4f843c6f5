import { runLibraryBench } from '@/lib/bench/library-bench';

// Exposed for tests/bench/library-bench.ts, which calls it through Playwright.
(globalThis as unknown as { counterclaimBench: typeof runLibraryBench }).counterclaimBench = runLibraryBench;
