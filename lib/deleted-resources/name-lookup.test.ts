import { describe, expect, it } from 'vitest';
import { deletedOpenAiAccount, deletedResource } from '@/test-support/deleted-resource';
import { findNameHolders, readNameQuery } from './name-lookup';

function holders(rows: Parameters<typeof findNameHolders>[0], input: string) {
  const query = readNameQuery(input);
  if (!query.ok) throw new Error(query.error);
  return findNameHolders(rows, query).map(({ row, holds }) => `${row.name}: ${holds}`);
}

const rows = [
  deletedOpenAiAccount('contoso-openai', { subdomain: 'contoso-chat' }),
  deletedOpenAiAccount('plain-account'),
  deletedResource('key-vaults', 'contoso-chat'),
  deletedResource('app-configuration-stores', 'appcs-one'),
  deletedResource('api-management-services', 'apim-one'),
  deletedResource('storage-accounts', 'stone'),
];

describe('readNameQuery', () => {
  it('reads a bare name as itself, for every type', () => {
    expect(readNameQuery('  Contoso-Chat ')).toMatchObject({ ok: true, label: 'contoso-chat', host: null });
  });

  it("reads an endpoint URL or host as its first label, narrowed to the types that serve that host", () => {
    const openai = readNameQuery('https://contoso-chat.openai.azure.com/openai/deployments?x=1');
    expect(openai).toMatchObject({ ok: true, label: 'contoso-chat', host: 'contoso-chat.openai.azure.com' });
    expect(openai.ok && openai.types.map((type) => type.id)).toEqual(['cognitive-accounts']);
    const vault = readNameQuery('contoso-chat.vault.azure.net');
    expect(vault.ok && vault.types.map((type) => type.id)).toEqual(['key-vaults']);
  });

  it('says clearly what it cannot read', () => {
    expect(readNameQuery('')).toEqual({ ok: false, error: 'Enter a resource name, a custom subdomain or an endpoint URL.' });
    expect(readNameQuery('bad name!')).toMatchObject({ ok: false, error: expect.stringMatching(/is not a resource name/) });
    expect(readNameQuery('https://')).toMatchObject({ ok: false, error: expect.stringMatching(/is not a URL or host name/) });
  });
});

describe('findNameHolders', () => {
  it('finds an AI services account by its custom subdomain, and a vault by its name, from a bare word', () => {
    expect(holders(rows, 'CONTOSO-CHAT')).toEqual(["contoso-openai: its custom subdomain 'contoso-chat'", 'contoso-chat: its name']);
  });

  it("from an account's endpoint, finds the account whose subdomain it is, not a vault of that name", () => {
    expect(holders(rows, 'https://contoso-chat.cognitiveservices.azure.com/')).toEqual(['contoso-openai: its endpoint contoso-chat.cognitiveservices.azure.com']);
  });

  it('finds each type by its own endpoint host', () => {
    expect(holders(rows, 'https://contoso-chat.vault.azure.net/')).toEqual(['contoso-chat: its endpoint contoso-chat.vault.azure.net']);
    expect(holders(rows, 'appcs-one.azconfig.io')).toEqual(['appcs-one: its endpoint appcs-one.azconfig.io']);
    expect(holders(rows, 'https://apim-one.management.azure-api.net')).toEqual(['apim-one: its endpoint apim-one.management.azure-api.net']);
    expect(holders(rows, 'https://stone.blob.core.windows.net/container')).toEqual(['stone: its endpoint stone.blob.core.windows.net']);
  });

  it('an account without a custom subdomain holds no endpoint name, only its own name', () => {
    expect(holders(rows, 'plain-account.openai.azure.com')).toEqual([]);
    expect(holders(rows, 'plain-account')).toEqual(['plain-account: its name']);
  });

  it('finds nothing when no deleted resource holds the name', () => {
    expect(holders(rows, 'someone-else')).toEqual([]);
  });
});
