// Front matter dates (`date_solved: 2024-03-05`) reach Liquid as text, and JavaScript reads a
// bare `YYYY-MM-DD` as midnight UTC: west of Greenwich `date_to_string` would print the day
// before. Jekyll (Ruby's Time.parse) reads it as local midnight; so do these wrappers, which
// then hand over to liquidjs' own date filters.
import type { FilterImplOptions, Liquid } from 'liquidjs';

type FilterHandler = Extract<FilterImplOptions, (...args: never[]) => unknown>;

const DATE_FILTERS = ['date', 'date_to_string', 'date_to_long_string', 'date_to_xmlschema', 'date_to_rfc822'];
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A bare calendar date as local midnight; anything else unchanged. */
export function localCalendarDate(value: unknown): unknown {
  const match = typeof value === 'string' ? DATE_ONLY.exec(value.trim()) : null;
  if (!match) return value;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const handlerOf = (filter: FilterImplOptions | undefined): FilterHandler | undefined =>
  typeof filter === 'function' ? filter : filter?.handler;

export function registerJekyllDateFilters(engine: Liquid): void {
  for (const name of DATE_FILTERS) {
    const original = handlerOf(engine.filters[name]);
    if (!original) continue;
    engine.registerFilter(name, function (this: ThisParameterType<FilterHandler>, value: unknown, ...args: unknown[]) {
      return original.call(this, localCalendarDate(value), ...args);
    });
  }
}
