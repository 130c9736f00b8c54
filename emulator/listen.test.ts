import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnLoopback } from './listen';

const open: net.Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function track<S extends net.Server>(servers: S[]): S[] {
  open.push(...servers);
  return servers;
}

describe('listenOnLoopback', () => {
  it('serves localhost on both loopback addresses with one port', async () => {
    const { servers, port } = await listenOnLoopback(() => net.createServer(), 'localhost', 0);
    track(servers);
    const addresses = servers.map((server) => server.address() as net.AddressInfo);
    expect(addresses.map((a) => a.address).sort()).toEqual(['127.0.0.1', '::1']);
    expect(addresses.every((a) => a.port === port)).toBe(true);
  });

  it('refuses a fixed port that another server holds on ::1 instead of sharing it', async () => {
    const squatter = net.createServer();
    track([squatter]);
    const port = await new Promise<number>((resolve) => squatter.listen(0, '::1', () => resolve((squatter.address() as net.AddressInfo).port)));
    await expect(listenOnLoopback(() => net.createServer(), 'localhost', port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
