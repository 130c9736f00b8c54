/**
 * The activity log's `$filter` (contract §5.1): `eventTimestamp ge <t1> [and eventTimestamp le <t2>]` and at most
 * one of `resourceGroupName`, `resourceUri` / `resourceId`, `resourceProvider`, `correlationId` equal to a value,
 * plus the `caller` and `status` clauses the Azure CLI adds. Values are quoted (`'...'`, `''` for a quote) or,
 * as the CLI sends timestamps, bare.
 */
import { errors } from './errors';
import type { ActivityLogClauses } from './store';

export interface ActivityLogFilter extends ActivityLogClauses {
  from: number;
  to?: number;
}

type Selector = 'resourceGroupName' | 'resourceId' | 'resourceProvider' | 'correlationId';

/** Field names as the spec and the CLI spell them (compared case-insensitively), to what they select. */
const SELECTORS: Readonly<Record<string, Selector>> = {
  resourcegroupname: 'resourceGroupName',
  resourceuri: 'resourceId',
  resourceid: 'resourceId',
  resourceprovider: 'resourceProvider',
  correlationid: 'correlationId',
};

const CLAUSE = /\s*([A-Za-z]+)\s+(eq|ge|le)\s+('(?:[^']|'')*'|[^\s']+)\s*/iy;
const AND = /and\s+/iy;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

function unquote(raw: string): string {
  return raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
}

/**
 * A time with no zone is UTC: the Azure CLI's default window is `datetime.utcnow().isoformat()` (no offset; its
 * `--start-time` carries one), while JavaScript would read a zone-less date-time as local time.
 */
function parseTime(value: string): number {
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) || !value.includes(':') ? value : `${value}Z`;
  const ms = ISO_TIME.test(value) ? Date.parse(zoned.replace(' ', 'T')) : NaN;
  if (Number.isNaN(ms)) throw errors.activityLogBadFilter(`'${value}' is not a valid timestamp.`);
  return ms;
}

function readClauses(text: string): { field: string; op: string; value: string }[] {
  const clauses: { field: string; op: string; value: string }[] = [];
  let at = 0;
  for (;;) {
    CLAUSE.lastIndex = at;
    const match = CLAUSE.exec(text);
    if (!match) throw errors.activityLogBadFilter(`cannot read it from '${text.slice(at, at + 40)}'.`);
    clauses.push({ field: match[1]!.toLowerCase(), op: match[2]!.toLowerCase(), value: unquote(match[3]!) });
    at = CLAUSE.lastIndex;
    if (at >= text.length) return clauses;
    AND.lastIndex = at;
    if (!AND.exec(text)) throw errors.activityLogBadFilter(`expected 'and' at '${text.slice(at, at + 40)}'.`);
    at = AND.lastIndex;
  }
}

export function parseActivityLogFilter(text: string | undefined): ActivityLogFilter {
  if (text === undefined || text.trim() === '') throw errors.activityLogBadFilter("it is required and must start with 'eventTimestamp ge'.");
  let from: number | undefined;
  let to: number | undefined;
  let selector: Selector | undefined;
  const filter: ActivityLogClauses = {};
  for (const { field, op, value } of readClauses(text)) {
    if (field === 'eventtimestamp' && op !== 'eq') {
      if ((op === 'ge' ? from : to) !== undefined) throw errors.activityLogBadFilter(`'eventTimestamp ${op}' is given twice.`);
      if (op === 'ge') from = parseTime(value);
      else to = parseTime(value);
      continue;
    }
    if (op !== 'eq') throw errors.activityLogBadFilter(`'${field}' can only be compared with 'eq'.`);
    const selected = SELECTORS[field];
    if (selected) {
      // "No other syntax is allowed" (the spec's description of $filter): one resource selector at most.
      if (selector) throw errors.activityLogBadFilter(`'${selector}' and '${selected}' cannot be combined.`);
      selector = selected;
      filter[selected] = value;
    } else if (field === 'caller' || field === 'status') {
      if (filter[field] !== undefined) throw errors.activityLogBadFilter(`'${field}' is given twice.`);
      filter[field] = value;
    } else if (field !== 'eventchannels') {
      // eventChannels (the tenant-level form) names what an Administrative subscription log always holds.
      throw errors.activityLogBadFilter(`'${field}' is not a field the activity log can be filtered on.`);
    }
  }
  if (from === undefined) throw errors.activityLogBadFilter("it must contain 'eventTimestamp ge'.");
  if (to !== undefined && to < from) throw errors.activityLogBadFilter('the end time is before the start time.');
  return { from, ...(to === undefined ? {} : { to }), ...filter };
}

/** The event properties `$select` may name, in ARM's spelling. */
const SELECTABLE = [
  'authorization',
  'caller',
  'channels',
  'claims',
  'correlationId',
  'description',
  'eventDataId',
  'eventName',
  'category',
  'httpRequest',
  'id',
  'level',
  'resourceGroupName',
  'resourceProviderName',
  'resourceId',
  'resourceType',
  'operationId',
  'operationName',
  'properties',
  'status',
  'subStatus',
  'eventTimestamp',
  'submissionTimestamp',
  'subscriptionId',
  'tenantId',
];
const SELECTABLE_BY_LOWER = new Map(SELECTABLE.map((name) => [name.toLowerCase(), name]));

/**
 * `$select`: a comma-separated list of property names (the CLI joins them with ' , '). Returns the names in ARM's
 * spelling, or undefined for all. ⚠️ Names the emulator does not know are ignored (ARM's answer is not recorded).
 */
export function parseSelect(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const names = text
    .split(',')
    .map((name) => SELECTABLE_BY_LOWER.get(name.trim().toLowerCase()))
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)];
}
