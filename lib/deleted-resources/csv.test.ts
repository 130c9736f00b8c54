import { describe, expect, it } from 'vitest';
import { deletedOpenAiAccount } from '@/test-support/deleted-resource';
import { visibleColumns } from './columns';
import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it.each(['=HYPERLINK("http://evil")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx'])('neutralises %j, which a spreadsheet would run', (value) => {
    expect(csvCell(value).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('contoso-openai')).toBe('contoso-openai');
    expect(csvCell('=a,b')).toBe('"\'=a,b"');
  });
});

describe('toCsv', () => {
  it('writes the columns shown, ISO times and the resource id, one CRLF line per row after a BOM', () => {
    const row = deletedOpenAiAccount('contoso-openai', { resourceGroup: '-rg,odd' });
    const deletedBy = () => ({ state: 'known' as const, caller: 'admin@contoso.test', at: '2026-11-23T10:00:01.000Z' });
    const csv = toCsv([row], visibleColumns(false), { subscriptionName: (id) => `Sub ${id}`, deletedBy });
    expect(csv.startsWith('\uFEFFName,Resource type,Kind,Location,Resource group,Deleted,Deleted by,Scheduled purge,Status,Resource ID\r\n')).toBe(true);
    const line = csv.split('\r\n')[1];
    expect(line).toBe(
      `contoso-openai,AI services account,Azure OpenAI,East US,"'-rg,odd",2026-11-23T10:00:00Z,admin@contoso.test at 2026-11-23T10:00:01.000Z,2026-11-25T10:00:00Z,Recoverable,"${row.id}"`,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('adds the Subscription column, by name, when the view spans subscriptions', () => {
    const csv = toCsv([deletedOpenAiAccount('a')], visibleColumns(true), { subscriptionName: () => 'Contoso Production' });
    expect(csv.split('\r\n')[0]).toContain(',Subscription,');
    expect(csv.split('\r\n')[1]).toContain(',Contoso Production,');
  });
});
