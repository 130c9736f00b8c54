import 'server-only';
import type { ArmSession } from './session';

const memos = new WeakMap<ArmSession, Map<string, Promise<unknown>>>();

/**
 * Runs `read` once per portal action (one ArmSession) and key: "All subscriptions" reads many subscriptions
 * with one session, and their accounts share vaults, groups and permissions that need asking only once.
 */
export function oncePerSession<T>(session: ArmSession, key: string, read: () => Promise<T>): Promise<T> {
  let memo = memos.get(session);
  if (!memo) {
    memo = new Map();
    memos.set(session, memo);
  }
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = read();
    memo.set(key, value);
  }
  return value;
}
