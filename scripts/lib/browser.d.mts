import type { BrowserContext, Page, Worker } from 'playwright-core';

export const QUIET_FLAGS: string[];
export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}
export function launchWithExtension(options: { extensionDir: string; executablePath: string; headless?: boolean }): Promise<ExtensionBrowser>;
export function tabIdOf(worker: Worker, url: string): Promise<number | null>;
export function openPopupFor(
  browser: ExtensionBrowser,
  url: string,
  options?: { width?: number; height?: number; colorScheme?: 'light' | 'dark' },
): Promise<Page>;
export function analyzeThroughPopup(popup: Page, browser: ExtensionBrowser, url: string): Promise<unknown>;
