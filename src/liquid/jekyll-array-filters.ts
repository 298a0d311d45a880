// Jekyll's own versions of `sort`, `where`, `where_exp` and `group_by`, which differ from
// liquidjs' (Shopify) ones in ways index pages rely on: `sort` puts pages missing the key first
// (or last with `sort: "key", "last"`) instead of failing or mixing them in; `where` compares as
// strings and matches inside arrays (`where: "topics", "Array"`); `where_exp` keeps every item
// whose expression is truthy (`"p.leetcode_id"`), not only `true`; `group_by` groups by the key's
// text and gives each group a `size`. Written here because liquidjs has no Jekyll mode for them.
import { Value, type FilterImplOptions, type Liquid } from 'liquidjs';

type Item = unknown;

/** `item.a.b` for `"a.b"`, as Jekyll's `item_property` reads it. */
export function itemProperty(item: Item, property: string): unknown {
  let value: unknown = item;
  for (const key of property.split('.')) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const isNil = (value: unknown): value is null | undefined => value === null || value === undefined;

/** Ruby's `<=>` for the values front matter holds: numbers by value, dates by time, else as text. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function toArray(input: unknown): Item[] {
  if (Array.isArray(input)) return input;
  if (isNil(input)) return [];
  if (typeof input === 'object') return Object.values(input as Record<string, unknown>);
  return [input];
}

/** Jekyll `sort`: without a key, the values themselves; with a key, pages lacking it first (default) or last. */
export function jekyllSort(input: unknown, property?: unknown, nils: unknown = 'first'): Item[] {
  if (isNil(input)) throw new Error('Cannot sort a null object.');
  const items = [...toArray(input)];
  if (isNil(property)) return items.sort(compareValues);
  if (nils !== 'first' && nils !== 'last') throw new Error(`Invalid nils order: '${String(nils)}' is not a valid nils order. It must be 'first' or 'last'.`);
  const order = nils === 'first' ? -1 : 1;
  return items
    .map((item) => ({ item, key: itemProperty(item, String(property)) }))
    .sort((a, b) => {
      if (!isNil(a.key) && isNil(b.key)) return -order;
      if (isNil(a.key) && !isNil(b.key)) return order;
      if (isNil(a.key) && isNil(b.key)) return 0;
      return compareValues(a.key, b.key);
    })
    .map(({ item }) => item);
}

/** Jekyll `compare_property_vs_target`: text equality, or membership when the property is a list. */
function matches(property: unknown, target: unknown): boolean {
  if (isNil(target)) return isNil(property);
  const wanted = String(target);
  if (typeof property === 'string') return property === wanted;
  return toArray(property).some((value) => !isNil(value) && String(value) === wanted);
}

export function jekyllWhere(input: unknown, property?: unknown, target?: unknown): Item[] {
  const items = toArray(input);
  if (isNil(property) || Array.isArray(target)) return items;
  return items.filter((item) => matches(itemProperty(item, String(property)), target));
}

type FilterThis = ThisParameterType<Extract<FilterImplOptions, (...args: never[]) => unknown>>;

/** Liquid truthiness: everything but `false` and nil (so `0` and `""` are true). */
const isLiquidTruthy = (value: unknown): boolean => value !== false && !isNil(value);

function* jekyllWhereExp(this: FilterThis, input: unknown, variable: unknown, expression: unknown): Generator<unknown, Item[], unknown> {
  const condition = new Value(String(expression), this.liquid);
  const kept: Item[] = [];
  for (const item of toArray(input)) {
    this.context.push({ [String(variable)]: item });
    const value = yield condition.value(this.context);
    this.context.pop();
    if (isLiquidTruthy(value)) kept.push(item);
  }
  return kept;
}

export function jekyllGroupBy(input: unknown, property: unknown): Array<{ name: string; items: Item[]; size: number }> {
  const groups = new Map<string, Item[]>();
  for (const item of toArray(input)) {
    const value = itemProperty(item, String(property));
    const name = isNil(value) ? '' : Array.isArray(value) ? value.map(String).join('') : String(value);
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  return [...groups.entries()].map(([name, items]) => ({ name, items, size: items.length }));
}

export function registerJekyllArrayFilters(engine: Liquid): void {
  const filters: Record<string, FilterImplOptions> = { sort: jekyllSort, where: jekyllWhere, where_exp: jekyllWhereExp, group_by: jekyllGroupBy };
  for (const [name, filter] of Object.entries(filters)) engine.registerFilter(name, filter);
}
