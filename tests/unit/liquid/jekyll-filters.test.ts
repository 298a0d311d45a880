// Jekyll's filters as index pages use them, through the real liquidjs engine.
import { describe, expect, it } from 'vitest';
import { createLiquidEngine, renderLiquid } from '../../../src/liquid/liquid-engine.ts';

const engine = createLiquidEngine('/nonexistent', {
  base: '/notes/',
  siteUrl: 'https://me.github.io',
  markdownify: (markdown) => `<p>${markdown}</p>`,
});

const pages = [
  { title: 'Two Sum', url: '/study/leetcodes/0001', path: 'study/leetcodes/0001-two-sum.md', leetcode_id: 1, difficulty: 'Easy', topics: ['Array', 'Hash Table'], date_solved: '2024-03-05', time_taken: '02:19' },
  { title: 'Course Schedule', url: '/study/leetcodes/0207', path: 'study/leetcodes/0207-course-schedule.md', leetcode_id: 207, difficulty: 'Medium', topics: ['Graph'] },
  { title: 'add Binary', url: '/study/leetcodes/0067', path: 'study/leetcodes/0067-add-binary.md', leetcode_id: 67, difficulty: 'Easy', topics: ['Math', 'String'] },
  { title: 'Principles', url: '/principles', path: 'principles.md', hidden: true },
];

async function render(template: string, page: Record<string, unknown> = pages[0]!): Promise<string> {
  const result = await renderLiquid(engine, template, { site: { pages, title: 'Notes' }, page }, { noteDir: '/nonexistent', notesDir: '/nonexistent' });
  expect(result.problems).toEqual([]);
  return result.text;
}

describe('Jekyll sort', () => {
  it('sorts by a numeric key numerically, pages without the key first (Jekyll default)', async () => {
    expect(await render('{% assign s = site.pages | sort: "leetcode_id" %}{% for p in s %}{{ p.leetcode_id | default: "-" }},{% endfor %}')).toBe('-,1,67,207,');
  });
  it('puts pages without the key last with nils "last"', async () => {
    expect(await render('{% assign s = site.pages | sort: "leetcode_id", "last" %}{% for p in s %}{{ p.leetcode_id | default: "-" }},{% endfor %}')).toBe('1,67,207,-,');
  });
  it('sorts titles case-sensitively, as Ruby compares strings', async () => {
    expect(await render('{{ site.pages | sort: "title" | map: "title" | join: "|" }}')).toBe('Course Schedule|Principles|Two Sum|add Binary');
  });
  it('reports sorting nothing as a Liquid problem instead of crashing', async () => {
    const result = await renderLiquid(engine, 'a\n{{ missing | sort }}', { site: {}, page: {} }, { noteDir: '/x', notesDir: '/x' });
    expect(result.text).toBe('a\n{{ missing | sort }}'); // published unrendered
    expect(result.problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('Cannot sort a null object') });
  });
});

describe('Jekyll where, where_exp, group_by', () => {
  it('where matches inside lists and compares as text', async () => {
    expect(await render('{{ site.pages | where: "topics", "Graph" | map: "title" | join }}')).toBe('Course Schedule');
    expect(await render('{{ site.pages | where: "leetcode_id", "67" | map: "title" | join }}')).toBe('add Binary');
  });
  it('where_exp evaluates a condition with contains and !=', async () => {
    expect(await render(`{{ site.pages | where_exp: "p", "p.path contains 'study/leetcodes/'" | size }}`)).toBe('3');
    expect(await render('{{ site.pages | where_exp: "p", "p.hidden != true" | size }}')).toBe('3');
  });
  it('group_by gives name, items and size', async () => {
    expect(await render('{% assign g = site.pages | group_by: "difficulty" %}{% for x in g %}[{{ x.name }}:{{ x.size }}:{{ x.items | size }}]{% endfor %}')).toBe('[Easy:2:2][Medium:1:1][:1:1]');
  });
});

describe('the problem-log index expressions of the format doc', () => {
  it('pads ids, joins topics, escapes titles, defaults a missing time', async () => {
    const template = '{{ page.leetcode_id | prepend: "0000" | slice: -4, 4 }}|{{ page.topics | join: ", " }}|{{ "A & <B>" | downcase | escape }}|{{ page.time_taken | default: "" }}|{{ page.nothing | default: "n/a" }}';
    expect(await render(template)).toBe('0001|Array, Hash Table|a &amp; &lt;b&gt;|02:19|n/a');
  });
  it('capture, assign, strip and if … contains … and', async () => {
    const template = '{% capture label %}  {{ page.title }} ({{ page.difficulty }}) {% endcapture %}{% assign tag = label | strip %}[{{ tag }}]{% if page.path contains "leetcodes/" and page.hidden != true %}listed{% endif %}';
    expect(await render(template)).toBe('[Two Sum (Easy)]listed');
  });
});

describe('Jekyll URL, text and date filters', () => {
  it('relative_url and absolute_url add the base path (and origin) once', async () => {
    expect(await render('{{ "/study/aiModels" | relative_url }} {{ "study/x" | relative_url }} {{ "/study/aiModels" | absolute_url }}')).toBe(
      '/notes/study/aiModels /notes/study/x https://me.github.io/notes/study/aiModels',
    );
  });
  it('slugify, xml_escape, number_of_words, jsonify, markdownify', async () => {
    expect(await render('{{ "Two Sum: Hash Map!" | slugify }}|{{ "a < b & c" | xml_escape }}|{{ "one two  three" | number_of_words }}|{{ page.topics | jsonify }}|{{ "*x*" | markdownify }}')).toBe(
      'two-sum-hash-map|a &lt; b &amp; c|3|["Array","Hash Table"]|<p>*x*</p>',
    );
  });
  it('smartify: curly quotes, dashes, ellipsis', async () => {
    expect(await render(`{{ "It's \\"done\\" -- mostly --- or 'not'..." | smartify }}`)).toBe('It\u2019s \u201Cdone\u201D \u2013 mostly \u2014 or \u2018not\u2019\u2026');
  });
  it('date_to_string reads a YAML calendar date as that day, in any time zone', async () => {
    expect(await render('{{ page.date_solved | date_to_string }}|{{ page.date_solved | date_to_long_string }}|{{ page.date_solved | date: "%Y-%m-%d" }}')).toBe(
      '05 Mar 2024|05 March 2024|2024-03-05',
    );
  });
});

describe('Jekyll where_exp truthiness', () => {
  it('keeps items whose expression is any truthy value, as Jekyll does (0 and "" are truthy in Liquid)', async () => {
    expect(await render('{{ site.pages | where_exp: "p", "p.leetcode_id" | size }}')).toBe('3');
    const result = await renderLiquid(engine, '{{ items | where_exp: "x", "x.v" | size }}', { items: [{ v: 0 }, { v: '' }, { v: false }, {}] }, { noteDir: '/x', notesDir: '/x' });
    expect(result.text).toBe('2');
  });
});

describe('Jekyll tags', () => {
  it('{% highlight %} becomes a fenced block (Liquid inside rendered, options dropped)', async () => {
    expect(await render('{% highlight python linenos %}\nprint("{{ page.title }}")\n{% endhighlight %}')).toBe('```python\nprint("Two Sum")\n```');
  });
  it('{% link %} gives the URL of the page built from a source file, and names a missing one', async () => {
    expect(await render('[x]({% link study/leetcodes/0067-add-binary.md %})')).toBe('[x](/study/leetcodes/0067)');
    const based = await renderLiquid(engine, '{% link principles.md %}', { site: { pages, baseurl: '/notes' }, page: {} }, { noteDir: '/x', notesDir: '/x' });
    expect(based.text).toBe('/notes/principles');
    const result = await renderLiquid(engine, 'a\n{% link nope.md %}', { site: { pages }, page: {} }, { noteDir: '/x', notesDir: '/x' });
    expect(result.problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('link "nope.md": no page is built from that file') });
  });
});
