import type { AddressInfo, Server } from 'node:net';

const NO_IPV6 = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT']);
const ATTEMPTS = 10;

function listenOnce(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Listens on `host`:`port` and returns the servers and the port. For `localhost` it listens on BOTH loopback
 * addresses with the same port: clients resolve `localhost` to 127.0.0.1 or ::1, and the two address families
 * have separate port spaces, so a server on one of them alone can share its port number with another process's
 * server on the other — a client would then reach the wrong server (seen with ephemeral ports in parallel tests).
 * With port 0, a port that is free on 127.0.0.1 but taken on ::1 is given up and another one tried.
 */
export async function listenOnLoopback<S extends Server>(createServer: () => S, host: string, port: number): Promise<{ servers: S[]; port: number }> {
  if (host !== 'localhost') {
    const server = createServer();
    return { servers: [server], port: await listenOnce(server, port, host) };
  }
  for (let attempt = 1; ; attempt += 1) {
    const v4 = createServer();
    const chosen = await listenOnce(v4, port, '127.0.0.1');
    const v6 = createServer();
    try {
      await listenOnce(v6, chosen, '::1');
      return { servers: [v4, v6], port: chosen };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (NO_IPV6.has(code)) return { servers: [v4], port: chosen };
      await close(v4);
      if (port !== 0 || attempt >= ATTEMPTS) throw error;
    }
  }
}
