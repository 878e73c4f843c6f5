import type { Analysis, ArticleContent, Relation } from './types';
import type { ReadResult } from './article/read-article';
import type { ReportSource } from './library/db';

/** What the injected script reports about the page it ran in. */
export interface PageExtract {
  url: string;
  pageTitle: string;
  declaredLanguage: string | null;
  read: ReadResult;
  /** The user's selection on the page, for the "analyse the selection" fallback (empty when none). */
  selection: string;
}

export type ErrorCode =
  'restricted' | 'no-tab' | 'not-article' | 'no-selection' | 'too-large' | 'injection-failed' | 'save-failed' | 'bad-request' | 'internal';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** The analysed page: what the popup shows and what Save stores. */
export interface PageAnalysis {
  article: ArticleContent;
  analysis: Analysis;
  /** The article was made of the user's selection rather than by Readability. */
  fromSelection: boolean;
}

export interface CounterclaimView {
  /** How the stored accusation answers the current one; 'linked' for a link the user made by hand. */
  relation: Relation | 'linked';
  /** The user's judgement of this suggestion, if any. */
  judgement: 'confirmed' | 'rejected' | 'manual' | null;
  score: number;
  reasons: string[];
  /** Index of the current page's accusation it answers. */
  against: number;
  report: { id: string; title: string; url: string | null; siteName: string | null; publishedAt: string | null; source: ReportSource };
  accusation: {
    accuser: { code: string; name: string; detail: string };
    accused: { code: string; name: string; detail: string };
    category: string;
    chargeText: string;
    quote: string;
    /** Position of the accusation in its report (for links). */
    index: number;
  };
}

export interface SavedState {
  id: string;
  savedAt: string;
}

export type AnalyzeTabResponse =
  | { ok: true; page: PageAnalysis; saved: SavedState | null; counterclaims: CounterclaimView[]; libraryCount: number }
  | { ok: false; error: ErrorInfo; selectionAvailable: boolean };

export type SaveReportResponse =
  /** `restored`: the article's report was in the trash; saving brought it back (and updated it). */
  { ok: true; id: string; status: 'created' | 'updated'; restored?: boolean; savedAt: string } | { ok: false; error: ErrorInfo };

/**
 * The one message protocol of the extension: popup and pages ask, the background answers. The message type is the
 * handler's name.
 */
export interface ProtocolMap {
  analyzeTab: { request: { tabId: number; useSelection?: boolean }; response: AnalyzeTabResponse };
  saveReport: { request: { page: PageAnalysis }; response: SaveReportResponse };
  libraryStatus: { request: Record<string, never>; response: { count: number } };
  judgeCounterclaim: {
    request: { from: string; fromIndex: number; to: string; toIndex: number; kind: 'confirmed' | 'rejected' };
    response: { ok: true } | { ok: false; error: ErrorInfo };
  };
  /** Highlights these accusation sentences in the tab (side panel). */
  highlightInTab: { request: { tabId: number; quotes: string[] }; response: HighlightResponse };
  clearHighlights: { request: { tabId: number }; response: { ok: true; removed: number } | { ok: false; error: ErrorInfo } };
}

export type HighlightResponse = { ok: true; found: number; total: number; method: 'highlight' | 'mark' | 'none' } | { ok: false; error: ErrorInfo };

export type MessageType = keyof ProtocolMap;

export interface Message<K extends MessageType = MessageType> {
  type: K;
  data: ProtocolMap[K]['request'];
}

export type Handlers = { [K in MessageType]: (data: ProtocolMap[K]['request']) => Promise<ProtocolMap[K]['response']> };

/** Every message type, once: a type of `ProtocolMap` missing here is a TypeScript error. */
export const MESSAGE_TYPES = Object.keys({
  analyzeTab: true,
  saveReport: true,
  libraryStatus: true,
  judgeCounterclaim: true,
  highlightInTab: true,
  clearHighlights: true,
} satisfies Record<MessageType, true>) as MessageType[];

/**
 * A quick shape check: a known type and an object payload. The background checks the payload in full against its
 * schema (`checkMessage` in lib/extension/schemas.ts) before any handler runs.
 */
export function isMessage(value: unknown): value is Message {
  if (!value || typeof value !== 'object') return false;
  const v = value as { type?: unknown; data?: unknown };
  return typeof v.type === 'string' && (MESSAGE_TYPES as string[]).includes(v.type) && typeof v.data === 'object' && v.data !== null;
}

/** Sends a typed message to the background through `runtime.sendMessage`. */
export async function sendMessage<K extends MessageType>(
  runtime: { sendMessage: (m: unknown) => Promise<unknown> },
  type: K,
  data: ProtocolMap[K]['request'],
): Promise<ProtocolMap[K]['response']> {
  return (await runtime.sendMessage({ type, data } satisfies Message<K>)) as ProtocolMap[K]['response'];
}
