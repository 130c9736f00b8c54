/** Microsoft.Insights: the subscription's activity log (eventtypes/management/values, contract §5). */
import { parseActivityLogFilter, parseSelect } from '../activity-log-filter';
import { readQueryParam } from '../api-versions';
import { errors } from '../errors';
import type { ActivityLogCursor } from '../store';
import { ACTIVITY_LOG_RETENTION_MS } from '../world';
import { decodeSkipToken, encodeSkipToken, nextLinkFor, readSkipToken, type Handler } from './common';

export const ACTIVITY_LOG_READ = 'Microsoft.Insights/eventtypes/values/read';

const isCursor = (value: unknown): value is ActivityLogCursor =>
  Number.isInteger((value as ActivityLogCursor | null)?.at) && Number.isInteger((value as ActivityLogCursor | null)?.seq);

function pick(event: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => name in event).map((name) => [name, event[name]]));
}

/** Newest first, a page at a time; events of operations still running (stamped later than now) are not listed yet. */
export const listActivityLog: Handler<'sub'> = ({ ctx, params, services }) => {
  const { store, world } = services;
  const filter = parseActivityLogFilter(readQueryParam(ctx.url.searchParams, '$filter'));
  const select = parseSelect(readQueryParam(ctx.url.searchParams, '$select'));
  const now = world.now();
  if (filter.from < now - ACTIVITY_LOG_RETENTION_MS) throw errors.activityLogStartTooOld();
  const token = readSkipToken(ctx);
  const pageSize = world.activityLogPageSize;
  const rows = store.listActivityEvents({
    ...filter,
    subscriptionId: params.sub,
    to: Math.min(filter.to ?? now, now),
    limit: pageSize + 1,
    after: token === undefined ? undefined : decodeSkipToken(token, isCursor),
  });
  const page = rows.slice(0, pageSize);
  const events = select ? page.map((row) => JSON.stringify(pick(JSON.parse(row.body) as Record<string, unknown>, select))) : page.map((row) => row.body);
  const last = page[page.length - 1];
  const nextLink = rows.length > pageSize && last ? `,"nextLink":${JSON.stringify(nextLinkFor(ctx, encodeSkipToken(last.cursor)))}` : '';
  return { status: 200, json: `{"value":[${events.join(',')}]${nextLink}}` };
};
