'use client';

import { useEffect, useState } from 'react';
import { Dropdown, Field, makeStyles, Option, SearchBox, tokens } from '@fluentui/react-components';
import type { AccountFilters } from '@/lib/deleted-accounts/view';
import type { Subscription } from '@/lib/deleted-accounts/types';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  field: { minWidth: '220px' },
  search: { minWidth: '260px' },
});

export interface FilterOption {
  value: string;
  label: string;
}

const SEARCH_DEBOUNCE_MS = 250;

export function FiltersBar(props: {
  filters: AccountFilters;
  onChange: (patch: Partial<AccountFilters>) => void;
  subscriptions: Subscription[];
  kindOptions: FilterOption[];
  regionOptions: FilterOption[];
}) {
  const { filters, onChange, subscriptions, kindOptions, regionOptions } = props;
  const styles = useStyles();
  const [search, setSearch] = useState(filters.search);
  const [urlSearch, setUrlSearch] = useState(filters.search);
  // The URL changed from outside (back button, "Clear filters"): the box follows it.
  if (filters.search !== urlSearch) {
    setUrlSearch(filters.search);
    setSearch(filters.search);
  }
  useEffect(() => {
    if (search === filters.search) return;
    const timer = setTimeout(() => onChange({ search }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, filters.search, onChange]);

  const selectedSubscription = subscriptions.find((sub) => sub.subscriptionId === filters.subscription);
  const subscriptionText = filters.subscription === 'all' ? 'All subscriptions' : (selectedSubscription?.displayName ?? filters.subscription);
  const kindText = filters.kinds.map((kind) => kindOptions.find((option) => option.value === kind)?.label ?? kind).join(', ');
  const regionText = filters.regions.map((region) => regionOptions.find((option) => option.value === region)?.label ?? region).join(', ');

  return (
    <div className={styles.bar} role="search" aria-label="Filters">
      <Field label="Subscription" className={styles.field}>
        <Dropdown
          value={subscriptionText}
          selectedOptions={[filters.subscription]}
          onOptionSelect={(_event, data) => data.optionValue && onChange({ subscription: data.optionValue })}
        >
          <Option value="all" text="All subscriptions">
            All subscriptions
          </Option>
          {subscriptions.map((sub) => (
            <Option key={sub.subscriptionId} value={sub.subscriptionId} text={sub.displayName}>
              {/* The id is the secondary text, so subscriptions with equal names stay apart. */}
              <span title={sub.subscriptionId}>
                {sub.displayName} <small>({sub.subscriptionId})</small>
              </span>
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="API type" className={styles.field}>
        <Dropdown
          multiselect
          placeholder="All API types"
          value={kindText}
          selectedOptions={filters.kinds}
          onOptionSelect={(_event, data) => onChange({ kinds: data.selectedOptions })}
        >
          {kindOptions.map((option) => (
            <Option key={option.value} value={option.value}>
              {option.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Region" className={styles.field}>
        <Dropdown
          multiselect
          placeholder="All regions"
          value={regionText}
          selectedOptions={filters.regions}
          onOptionSelect={(_event, data) => onChange({ regions: data.selectedOptions })}
        >
          {regionOptions.map((option) => (
            <Option key={option.value} value={option.value}>
              {option.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Search name or resource group" className={styles.search}>
        <SearchBox value={search} onChange={(_event, data) => setSearch(data.value)} />
      </Field>
    </div>
  );
}
