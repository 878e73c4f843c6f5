import { dropLibraryBench, runLibraryBench, runMatchBench, runStorageFloor } from '@/lib/bench/library-bench';

// Exposed for tests/bench/bench.ts, which calls them through Playwright.
Object.assign(globalThis, {
  counterclaimBench: runLibraryBench,
  counterclaimMatchBench: runMatchBench,
  counterclaimDropBench: dropLibraryBench,
  counterclaimStorageFloor: runStorageFloor,
});
