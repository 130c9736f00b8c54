import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Access } from './access';
import type { Principal } from './auth';
import type { RouteMatch } from './routes';

/** What a handler answers; the serializer turns it into bytes. `drop` destroys the connection instead. */
export interface ArmResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; undefined means no body. */
  body?: unknown;
  /** A body already serialized as JSON, sent as it is (instead of `body`). */
  json?: string;
  drop?: boolean;
}

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  readonly url: URL;
  /** Path segments, percent-decoded. */
  readonly segments: string[];
  readonly requestId: string;
  readonly correlationId: string;
  /** `https://host:port` that URLs handed to the client (nextLink, operation status) start with. */
  readonly baseUrl: string;
  readonly remoteAddress: string;
  /** Headers every response carries (request ids, rate-limit counters), filled as the pipeline runs. */
  readonly responseHeaders: Record<string, string>;
  principal?: Principal;
  /** The caller's role assignments and RBAC decisions (set after authentication). */
  access?: Access;
  route?: RouteMatch | null;
  /** The action and scope ARM authorized for this request (routes that declare one). */
  authorized?: { action: string; scope: string };
  apiVersion?: string;
  /** Parsed JSON request body (read once by the pipeline before routing). */
  body?: unknown;
}

export type Next = () => Promise<ArmResponse>;
export type Middleware = (ctx: RequestContext, next: Next) => Promise<ArmResponse>;

/** Runs middlewares in order, each deciding whether to call the rest. */
export function compose(middlewares: readonly Middleware[], terminal: (ctx: RequestContext) => Promise<ArmResponse>) {
  return (ctx: RequestContext): Promise<ArmResponse> => {
    const dispatch = (index: number): Promise<ArmResponse> => {
      const middleware = middlewares[index];
      if (!middleware) return terminal(ctx);
      return middleware(ctx, () => dispatch(index + 1));
    };
    return dispatch(0);
  };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): ArmResponse => ({ status, body, headers });
export const empty = (status: number, headers: Record<string, string> = {}): ArmResponse => ({ status, headers });
