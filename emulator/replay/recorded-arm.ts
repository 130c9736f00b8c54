/**
 * A local HTTPS server that answers with recorded real ARM traffic: each recorded interaction once, in order,
 * for its method and path (the last one again if a client asks more often than the recording did), and fixed
 * answers for other paths. `https://management.azure.com` in recorded headers and bodies becomes this server,
 * so the clients follow operation and next links here. What nothing answers is 404 and noted in `unanswered`.
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TlsMaterial } from '../tls';
import type { RecordedInteraction } from './recordings';

export interface RecordedArm {
  base: string;
  /** Requests answered from the recording or the fixed answers, as 'METHOD /path'. */
  answered: string[];
  unanswered: string[];
  close(): Promise<void>;
}

const key = (method: string, path: string) => `${method.toUpperCase()} ${path.toLowerCase()}`;

export async function startRecordedArm(
  tls: TlsMaterial,
  interactions: RecordedInteraction[],
  fixed: Record<string, unknown> = {},
): Promise<RecordedArm> {
  const queues = new Map<string, RecordedInteraction[]>();
  for (const interaction of interactions) {
    const k = key(interaction.method, interaction.path);
    queues.set(k, [...(queues.get(k) ?? []), interaction]);
  }
  const fixedByKey = new Map(Object.entries(fixed).map(([path, body]) => [key('GET', path), body]));
  const answered: string[] = [];
  const unanswered: string[] = [];
  let base = '';
  const here = (text: string) => text.replaceAll('https://management.azure.com', base);

  const server = https.createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const k = key(req.method ?? 'GET', path);
    req.resume();
    const queue = queues.get(k);
    const recorded = queue && (queue.length > 1 ? queue.shift() : queue[0]);
    if (recorded) {
      answered.push(k);
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      for (const [name, value] of Object.entries(recorded.headers)) if (value) headers[name] = here(value);
      res.writeHead(recorded.status, headers);
      res.end(recorded.body === null ? undefined : here(JSON.stringify(recorded.body)));
      return;
    }
    if (fixedByKey.has(k)) {
      answered.push(k);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(here(JSON.stringify(fixedByKey.get(k))));
      return;
    }
    unanswered.push(k);
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: { code: 'NotRecorded', message: `No recorded answer for ${k}.` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://localhost:${(server.address() as AddressInfo).port}`;
  return {
    base,
    answered,
    unanswered,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
