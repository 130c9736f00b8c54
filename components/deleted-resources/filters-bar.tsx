'use client';

import { useEffect, useState } from 'react';
import { Dropdown, Field, makeStyles, mergeClasses, Option, SearchBox, tokens } from '@fluentui/react-components';
import type { ResourceFilters } from '@/lib/deleted-resources/view';
import type { Subscription } from '@/lib/deleted-resources/types';
import { NARROW } from '../narrow-layout';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    // Two to a row, the subscription across both: every filter stays in view without pushing the rows far down.
    [NARROW]: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  },
  // A field's own grid sizes it to its control's natural width; on a phone it takes the cell it is given.
  field: { minWidth: '220px', [NARROW]: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' } },
  subscription: { [NARROW]: { gridColumn: '1 / -1' } },
  search: { minWidth: '260px', [NARROW]: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' } },
  // Fluent's dropdown is at least 250px wide, more than half a phone.
  dropdown: { [NARROW]: { minWidth: 0 } },
});

export interface FilterOption {
  value: string;
  label: string;
}

const SEARCH_DEBOUNCE_MS = 250;

export function FiltersBar(props: {
  filters: ResourceFilters;
  onChange: (patch: Partial<ResourceFilters>) => void;
  subscriptions: Subscription[];
  typeOptions: FilterOption[];
  kindOptions: FilterOption[];
  regionOptions: FilterOption[];
}) {
  const { filters, onChange, subscriptions, typeOptions, kindOptions, regionOptions } = props;
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
  const textOf = (values: string[], options: FilterOption[]) =>
    values.map((value) => options.find((option) => option.value === value)?.label ?? value).join(', ');
  const typeText = textOf(filters.types, typeOptions);
  const kindText = textOf(filters.kinds, kindOptions);
  const regionText = textOf(filters.regions, regionOptions);

  return (
    <div className={styles.bar} role="search" aria-label="Filters">
      <Field label="Subscription" className={mergeClasses(styles.field, styles.subscription)}>
        <Dropdown
          className={styles.dropdown}
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
      <MultiFilter label="Resource type" placeholder="All resource types" value={typeText} selected={filters.types} options={typeOptions} onChange={(types) => onChange({ types })} />
      {/* Only some types have kinds (an AI services account's API kind). The filter is always in its place, so the
          list arriving never moves the filters and the table; it waits while the list has no kind to pick. */}
      <MultiFilter
        label="Kind"
        placeholder="All kinds"
        value={kindText}
        selected={filters.kinds}
        options={kindOptions}
        onChange={(kinds) => onChange({ kinds })}
        disabled={kindOptions.length === 0 && filters.kinds.length === 0}
      />
      <MultiFilter label="Region" placeholder="All regions" value={regionText} selected={filters.regions} options={regionOptions} onChange={(regions) => onChange({ regions })} />
      <Field label="Search name or resource group" className={styles.search}>
        <SearchBox value={search} onChange={(_event, data) => setSearch(data.value)} />
      </Field>
    </div>
  );
}

/** A multi-select filter (resource type, kind, region): its choice lives in the URL like the others. */
function MultiFilter(props: {
  label: string;
  placeholder: string;
  value: string;
  selected: string[];
  options: FilterOption[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  return (
    <Field label={props.label} className={styles.field}>
      <Dropdown
        className={styles.dropdown}
        disabled={props.disabled}
        multiselect
        placeholder={props.placeholder}
        value={props.value}
        selectedOptions={props.selected}
        onOptionSelect={(_event, data) => props.onChange(data.selectedOptions)}
      >
        {props.options.map((option) => (
          <Option key={option.value} value={option.value}>
            {option.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
