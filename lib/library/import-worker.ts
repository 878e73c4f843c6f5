// The import worker (a dedicated worker the library page starts through import-client.ts): runs one import job.
import { importJobHandler, type ImportReply, type ImportRequest } from './import-job';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ImportRequest>) => void) | null;
  postMessage(reply: ImportReply): void;
};
const handle = importJobHandler((reply) => scope.postMessage(reply));
scope.onmessage = (e) => void handle(e.data);
