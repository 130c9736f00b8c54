/**
 * Debian's nginx as a round-robin load balancer in front of portal instances, run as the test user: its
 * configuration, pid, logs and temp files all live in a temporary directory, so it needs no root and touches
 * nothing of the system's nginx.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findNginx } from '../../scripts/preflight';
import { stopProcess, waitUntilAnswering } from './processes';

/** One proxied request, from the access log. */
export interface ProxiedRequest {
  method: string;
  uri: string;
  status: number;
  /** The instance that answered (host:port), as nginx's $upstream_addr gives it. */
  upstream: string;
  /** The Next-Action header: set on every server action call. */
  nextAction: string;
}

export interface LoadBalancer {
  origin: string;
  requests(): ProxiedRequest[];
  stop(): Promise<void>;
}

const ACCESS_LOG_FIELDS = '$request_method\\t$request_uri\\t$status\\t$upstream_addr\\t$http_next_action';

function configuration(dir: string, port: number, upstreamPorts: readonly number[]): string {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  log_format balanced '${ACCESS_LOG_FIELDS}';
  access_log ${dir}/access.log balanced;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream portal {
${upstreamPorts.map((upstreamPort) => `    server 127.0.0.1:${upstreamPort};`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      # Server actions compare the browser's Origin with the Host the portal sees: keep the balancer's.
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Streamed pages and action answers go out as they come.
      proxy_buffering off;
    }
  }
}
`;
}

export async function startLoadBalancer(port: number, upstreamPorts: readonly number[]): Promise<LoadBalancer> {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed: apt-get install -y nginx (npm test installs it when run as root)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-'));
  // Run as root, nginx's workers are 'nobody': they must reach the temp directories inside.
  fs.chmodSync(dir, 0o755);
  const configFile = path.join(dir, 'nginx.conf');
  fs.writeFileSync(configFile, configuration(dir, port, upstreamPorts));
  const child = spawn(nginx, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', configFile, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const origin = `http://localhost:${port}`;
  const balancer: LoadBalancer = {
    origin,
    requests: () => readAccessLog(path.join(dir, 'access.log')),
    stop: async () => {
      await stopProcess(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  if (await waitUntilAnswering(`${origin}/api/health`, child, (response) => response.ok, 10_000)) return balancer;
  const errors = `${stderr}${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`;
  await balancer.stop();
  throw new Error(`nginx did not start on ${origin}:\n${errors}`);
}

function readAccessLog(file: string): ProxiedRequest[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [method = '', uri = '', status = '', upstream = '', nextAction = ''] = line.split('\t');
      return { method, uri, status: Number(status), upstream, nextAction: nextAction === '-' ? '' : nextAction };
    });
}
